using System.Net;
using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Tests.Support;
using OutreachBot.WeChat.Protocol;

namespace OutreachBot.Tests.WeChat;

/// <summary>
/// What /wechat does with bad input: every kind gets a clear 4xx (never a 500), the bot never runs, and nothing is
/// answered but a short reason. 400 malformed, 403 not from WeChat (signature, msg_signature, app id, stale
/// timestamp), 413 too large, 404 when the channel is off.
/// </summary>
public sealed class HardeningTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly Recorder _recorder = new();
    private FakeWeChatApi _api = null!;
    private BotTestHost _host = null!;
    private BotTestHost? _plain;

    /// <summary>A second host in plaintext mode, for what only an unencrypted body can carry.</summary>
    private BotTestHost Plain => _plain ??= WeChatTesting.PlaintextHost(_folder.File("plain.db"), _api, s => s.AddSingleton<IMiddleware>(_recorder));

    public async Task InitializeAsync()
    {
        _api = await FakeWeChatApi.StartAsync();
        _host = WeChatTesting.Host(_folder.File("bot.db"), _api, services: s => s.AddSingleton<IMiddleware>(_recorder));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        if (_plain is not null)
        {
            await _plain.DisposeAsync();
        }

        await _api.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Server_verification_answers_echostr_byte_for_byte()
    {
        var phone = _host.Phone("o-admin");
        var query = phone.SignedQuery();
        query["echostr"] = "8641591277801631551";

        using var response = await _host.CreateClient().GetAsync("/wechat?" + Query(query));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("8641591277801631551"u8.ToArray(), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Server_verification_with_a_bad_signature_is_refused()
    {
        var query = _host.Phone("o-admin").SignedQuery();
        query["echostr"] = "8641591277801631551";
        query["signature"] = "0000000000000000000000000000000000000000";

        using var response = await _host.CreateClient().GetAsync("/wechat?" + Query(query));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("8641591277801631551", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_signature_is_refused_with_403()
    {
        var phone = _host.Phone("o-forger");
        var query = phone.SignedQuery();
        query["signature"] = WeChatSignature.Compute("not-our-token", query["timestamp"], query["nonce"]);

        using var response = await phone.PostRawAsync(phone.Text("伪造的消息").Xml, query);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(_recorder.Activities);
    }

    [Fact]
    public async Task A_bad_msg_signature_in_safe_mode_is_refused_with_403()
    {
        var phone = _host.Phone("o-forger", safeMode: true);
        var (body, encrypt) = phone.Envelope(phone.Text("伪造的消息").Xml);
        var query = phone.SignedQuery(encrypt);
        query["msg_signature"] = WeChatSignature.Compute(WeChatTesting.Token, query["timestamp"], query["nonce"], encrypt + "x");

        using var response = await phone.PostRawAsync(body, query);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(_recorder.Activities);
    }

    [Fact]
    public async Task A_stale_timestamp_is_refused_as_a_replay()
    {
        var phone = _host.Phone("o-replayer");
        var query = phone.SignedQuery(timestamp: DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeSeconds());

        using var response = await phone.PostRawAsync(phone.Text("十分钟前的消息").Xml, query);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("timestamp", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(_recorder.Activities);
    }

    [Fact]
    public async Task A_payload_encrypted_for_another_app_id_is_refused_with_403()
    {
        var phone = _host.Phone("o-other-app");
        var encrypt = new WeChatCrypto(WeChatTesting.AesKey, "wx0ther0app000000").Encrypt(phone.Text("别的公众号的消息").Xml);
        var body = WeChatXml.Message([new("ToUserName", "gh_0utreach0001"), new("Encrypt", encrypt)]);

        using var response = await phone.PostRawAsync(body, phone.SignedQuery(encrypt));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("app id", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(_recorder.Activities);
    }

    [Theory]
    [InlineData("<!DOCTYPE xml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><xml><ToUserName>gh_0utreach0001</ToUserName><FromUserName>o-attacker</FromUserName><CreateTime>1700000000</CreateTime><MsgType>text</MsgType><Content>&xxe;</Content><MsgId>1</MsgId></xml>")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]><xml><Content>&lol2;</Content></xml>")]
    public async Task Xxe_and_entity_expansion_are_refused_in_the_body(string body)
    {
        var phone = Plain.Phone("o-attacker");

        using var response = await phone.PostRawAsync(body, phone.SignedQuery());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("root:", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(_recorder.Activities);
    }

    [Fact]
    public async Task Xxe_inside_the_decrypted_payload_is_refused_too()
    {
        var phone = _host.Phone("o-attacker", safeMode: true);
        const string inner = "<!DOCTYPE xml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><xml><ToUserName>gh_0utreach0001</ToUserName><FromUserName>o-attacker</FromUserName><CreateTime>1700000000</CreateTime><MsgType>text</MsgType><Content>&xxe;</Content><MsgId>2</MsgId></xml>";
        var (body, encrypt) = phone.Envelope(inner);

        using var response = await phone.PostRawAsync(body, phone.SignedQuery(encrypt));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_recorder.Activities);
    }

    [Fact]
    public async Task An_oversize_body_is_refused_with_413()
    {
        var phone = _host.Phone("o-flooder");
        var body = phone.Text(new string('涝', 30_000)).Xml;
        Assert.True(Encoding.UTF8.GetByteCount(body) > 65536);

        using var response = await phone.PostRawAsync(body, phone.SignedQuery());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_recorder.Activities);
    }

    [Fact]
    public async Task An_oversize_body_without_a_content_length_is_cut_off_while_reading()
    {
        var phone = _host.Phone("o-flooder");
        var query = phone.SignedQuery();
        using var content = new UnsizedContent(Encoding.UTF8.GetBytes(phone.Text(new string('涝', 30_000)).Xml));

        using var response = await _host.CreateClient().PostAsync("/wechat?" + Query(query), content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_recorder.Activities);
    }

    [Theory]
    [InlineData("this is not xml")]
    [InlineData("<xml><ToUserName>gh_0utreach0001</ToUserName>")]
    [InlineData("<xml><ToUserName>gh_0utreach0001</ToUserName><MsgType>text</MsgType><Content>缺了发送人</Content></xml>")]
    [InlineData("<xml><ToUserName>gh</ToUserName><FromUserName>o-x</FromUserName><CreateTime>yesterday</CreateTime><MsgType>text</MsgType></xml>")]
    [InlineData("<notxml><ToUserName>gh</ToUserName></notxml>")]
    [InlineData("")]
    public async Task Malformed_messages_get_400(string body)
    {
        var phone = Plain.Phone("o-broken");

        using var response = await phone.PostRawAsync(body, phone.SignedQuery());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_recorder.Activities);
    }

    [Theory]
    [InlineData("signature")]
    [InlineData("timestamp")]
    [InlineData("nonce")]
    public async Task A_missing_query_parameter_gets_400(string missing)
    {
        var phone = _host.Phone("o-broken");
        var query = phone.SignedQuery();
        query.Remove(missing);

        using var response = await phone.PostRawAsync(phone.Text("你好").Xml, query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("not base64 !!")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    public async Task Garbage_in_a_signed_encrypt_field_gets_400(string encrypt)
    {
        var phone = _host.Phone("o-broken", safeMode: true);
        var body = WeChatXml.Message([new("ToUserName", "gh_0utreach0001"), new("Encrypt", encrypt)]);

        using var response = await phone.PostRawAsync(body, phone.SignedQuery(encrypt));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task With_no_token_configured_the_channel_is_off()
    {
        await using var host = new BotTestHost(_folder.File("off.db"));

        using var get = await host.CreateClient().GetAsync("/wechat?signature=a&timestamp=1&nonce=2&echostr=3");
        using var post = await host.CreateClient().PostAsync("/wechat", new StringContent("<xml/>"));

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }

    [Theory]
    [InlineData("WeChat:EncodingAESKey", "too-short")]
    [InlineData("WeChat:AppId", "")]
    [InlineData("WeChat:PassiveReplyBudget", "00:00:06")]
    public async Task A_bad_configuration_fails_at_start_not_in_front_of_a_villager(string key, string value)
    {
        await using var host = WeChatTesting.Host(_folder.File("bad-config.db"), _api, settings: new Dictionary<string, string?> { [key] = value });

        var failure = Record.Exception(() => host.CreateClient());

        Assert.NotNull(failure);
        Assert.Contains("EncodingAESKey", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_carry_hashed_open_ids_only()
    {
        var logs = new CapturedLogs();
        var slow = new Gate("慢");
        await using var host = WeChatTesting.Host(_folder.File("logs.db"), _api, TimeSpan.FromSeconds(0.5), s =>
        {
            s.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logs);
            s.AddSingleton<IMiddleware>(slow);
        });
        var phone = host.Phone("o-Secret-OpenId-123", safeMode: true);
        _api.RefuseNext(45015);

        await phone.SendAsync(phone.Text("慢"));
        slow.Release();
        using var broken = await phone.PostRawAsync("<xml>broken", phone.SignedQuery());
        await WaitUntil(() => _api.CustomCalls.Count == 1);
        await Task.Delay(200);

        Assert.Contains(logs.Lines, l => l.Contains(OutreachBot.Conversations.Redact.Id("o-Secret-OpenId-123"), StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("o-Secret-OpenId-123", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains(FakeWeChatApi.AppSecret, StringComparison.Ordinal));
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(condition());
    }

    private static string Query(IReadOnlyDictionary<string, string> query) =>
        string.Join('&', query.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));

    /// <summary>A body sent chunked, with no Content-Length to refuse it by.</summary>
    private sealed class UnsizedContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
