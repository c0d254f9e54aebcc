using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using OutreachBot.WeChat.Protocol;

namespace OutreachBot.WeChat.Simulator;

/// <summary>A message as WeChat pushes it: the fields of its XML, in order.</summary>
public sealed record PhoneMessage(IReadOnlyList<KeyValuePair<string, string>> Fields)
{
    public string Xml => WeChatXml.Message(Fields);
}

/// <summary>What /wechat answered: the status, the raw body, and the passive reply's text (decrypted and checked).</summary>
public sealed record PhoneReply(HttpStatusCode Status, string Body, string? Text)
{
    /// <summary>"success" or empty: WeChat shows nothing now, and any reply comes through the API.</summary>
    public bool IsSuccess => Status == HttpStatusCode.OK && Body is "success" or "";
}

/// <summary>
/// Talks to /wechat as WeChat's servers do for one follower: builds the message XML, signs the query, encrypts in
/// safe mode when given the key, and checks and decrypts the passive reply. A retry is the same
/// <see cref="PhoneMessage"/> sent again (WeChat re-signs a retry; the MsgId stays). The wechat-sim command and
/// the tests use it.
/// </summary>
public sealed class WeChatPhone(HttpClient http, Uri endpoint, string token, string openId, string account = "gh_simulator", WeChatCrypto? crypto = null)
{
    private long _msgId = 24_000_000_000_000_000 + RandomNumberGenerator.GetInt32(1_000_000_000);
    private long _lastEventTime;

    public string OpenId => openId;

    public string Account => account;

    public bool Encrypts => crypto is not null;

    public PhoneMessage Text(string content) => Message("text", ("Content", content));

    public PhoneMessage Image(string picUrl, string? mediaId = null) => Message("image", ("PicUrl", picUrl), ("MediaId", mediaId ?? NewMediaId()));

    /// <summary>A voice message; null recognition is what WeChat sends when speech-to-text is off or failed.</summary>
    public PhoneMessage Voice(string? recognition, string format = "amr") =>
        Message("voice", ("MediaId", NewMediaId()), ("Format", format), ("Recognition", recognition ?? ""));

    public PhoneMessage Location(double latitude, double longitude, string label, int scale = 15) =>
        Message("location", ("Location_X", Number(latitude)), ("Location_Y", Number(longitude)), ("Scale", scale.ToString(CultureInfo.InvariantCulture)), ("Label", label));

    public PhoneMessage Link(string url, string title, string description = "") => Message("link", ("Title", title), ("Description", description), ("Url", url));

    public PhoneMessage Video(bool shortVideo = false) => Message(shortVideo ? "shortvideo" : "video", ("MediaId", NewMediaId()), ("ThumbMediaId", NewMediaId()));

    /// <summary>An event (subscribe, unsubscribe, SCAN, LOCATION, CLICK, VIEW…); events carry no MsgId.</summary>
    public PhoneMessage Event(string name, string? eventKey = null, params (string Name, string Value)[] extra)
    {
        var fields = Header("event", EventTime());
        fields.Add(new("Event", name));
        if (eventKey is not null)
        {
            fields.Add(new("EventKey", eventKey));
        }

        fields.AddRange(extra.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return new PhoneMessage(fields);
    }

    public PhoneMessage Subscribe(string? scene = null) =>
        scene is null ? Event("subscribe", "") : Event("subscribe", "qrscene_" + scene, ("Ticket", "gQH47joAAAAAAAAAASxodHRw"));

    public async Task<PhoneReply> SendAsync(PhoneMessage message, CancellationToken cancellationToken = default)
    {
        var (body, encrypt) = Envelope(message.Xml);
        using var response = await PostRawAsync(body, SignedQuery(encrypt), cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return new PhoneReply(response.StatusCode, text, response.IsSuccessStatusCode && text.StartsWith("<xml", StringComparison.Ordinal) ? ReadReply(text) : null);
    }

    /// <summary>The body WeChat would post: the XML itself, or in safe mode the envelope with its Encrypt field.</summary>
    public (string Body, string? Encrypt) Envelope(string innerXml)
    {
        if (crypto is null)
        {
            return (innerXml, null);
        }

        var encrypt = crypto.Encrypt(innerXml);
        return (WeChatXml.Message([new("ToUserName", account), new("Encrypt", encrypt)]), encrypt);
    }

    /// <summary>The query WeChat would add: timestamp, nonce, signature, openid, and in safe mode encrypt_type and msg_signature.</summary>
    public Dictionary<string, string> SignedQuery(string? encrypt = null, long? timestamp = null)
    {
        var time = (timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds()).ToString(CultureInfo.InvariantCulture);
        var nonce = RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);
        var query = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["signature"] = WeChatSignature.Compute(token, time, nonce),
            ["timestamp"] = time,
            ["nonce"] = nonce,
            ["openid"] = openId,
        };
        if (encrypt is not null)
        {
            query["encrypt_type"] = "aes";
            query["msg_signature"] = WeChatSignature.Compute(token, time, nonce, encrypt);
        }

        return query;
    }

    public Task<HttpResponseMessage> PostRawAsync(string body, IReadOnlyDictionary<string, string> query, CancellationToken cancellationToken = default)
    {
        var url = new UriBuilder(endpoint) { Query = string.Join('&', query.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}")) }.Uri;
        return http.PostAsync(url, new StringContent(body, Encoding.UTF8, "text/xml"), cancellationToken);
    }

    /// <summary>The text of a passive reply; an encrypted one must carry a valid MsgSignature and be addressed to us.</summary>
    private string? ReadReply(string body)
    {
        var fields = WeChatXml.ReadFields(body, 1 << 20);
        if (fields.TryGetValue("Encrypt", out var encrypt))
        {
            if (crypto is null || !WeChatSignature.Matches(fields.GetValueOrDefault("MsgSignature"), token, fields.GetValueOrDefault("TimeStamp") ?? "", fields.GetValueOrDefault("Nonce") ?? "", encrypt))
            {
                throw new InvalidDataException("The encrypted reply's MsgSignature does not match.");
            }

            fields = WeChatXml.ReadFields(crypto.Decrypt(encrypt), 1 << 20);
        }

        if (fields.GetValueOrDefault("ToUserName") != openId || fields.GetValueOrDefault("MsgType") != "text")
        {
            throw new InvalidDataException("The passive reply is not a text addressed to this follower.");
        }

        return fields.GetValueOrDefault("Content");
    }

    private PhoneMessage Message(string type, params (string Name, string Value)[] extra)
    {
        var fields = Header(type, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        fields.AddRange(extra.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        fields.Add(new("MsgId", Interlocked.Increment(ref _msgId).ToString(CultureInfo.InvariantCulture)));
        return new PhoneMessage(fields);
    }

    private List<KeyValuePair<string, string>> Header(string type, long createTime) =>
    [
        new("ToUserName", account),
        new("FromUserName", openId),
        new("CreateTime", createTime.ToString(CultureInfo.InvariantCulture)),
        new("MsgType", type),
    ];

    /// <summary>Events are told apart by sender and second; two in one second would look like a retry.</summary>
    private long EventTime()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        long last, next;
        do
        {
            last = Interlocked.Read(ref _lastEventTime);
            next = Math.Max(now, last + 1);
        }
        while (Interlocked.CompareExchange(ref _lastEventTime, next, last) != last);
        return next;
    }

    private static string NewMediaId() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');

    private static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
