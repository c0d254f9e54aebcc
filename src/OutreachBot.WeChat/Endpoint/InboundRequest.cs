using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using OutreachBot.WeChat.Protocol;

namespace OutreachBot.WeChat.Endpoint;

/// <summary>
/// A call from WeChat, checked in the order that costs least for a forger: parameters, timestamp and signature
/// before the body is read; body size while reading; msg_signature before decrypting; the app id inside the payload
/// after it. Any failure is a <see cref="WeChatProtocolException"/> naming the 4xx it deserves.
/// </summary>
internal sealed class InboundRequest
{
    private InboundRequest(string timestamp, long seconds, string nonce)
    {
        Timestamp = timestamp;
        Seconds = seconds;
        Nonce = nonce;
    }

    public string Timestamp { get; }

    private long Seconds { get; }

    public string Nonce { get; }

    public bool Encrypted { get; private set; }

    public InboundMessage? Message { get; private set; }

    /// <summary>GET /wechat: the signature over token, timestamp and nonce; the echostr to send back.</summary>
    public static string ReadVerification(HttpRequest request, WeChatOptions options, DateTimeOffset now)
    {
        Authenticate(request, options, now);
        return Required(request, "echostr");
    }

    /// <summary>
    /// POST /wechat: the message, decrypted in safe and compatible mode (encrypt_type=aes). With an EncodingAESKey
    /// configured the account is in safe or compatible mode, where WeChat always sends encrypt_type=aes; a plaintext
    /// push then is someone stripping the encryption to get a body the signature does not cover, and is refused.
    /// </summary>
    public static async Task<InboundRequest> ReadMessageAsync(HttpRequest request, WeChatOptions options, WeChatCrypto? crypto, NonceLog nonces, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var inbound = Authenticate(request, options, now);
        var body = await ReadBodyAsync(request, options.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        var outer = WeChatXml.ReadFields(body, options.MaxBodyBytes);
        var fields = request.Query["encrypt_type"].ToString() switch
        {
            "" or "raw" when crypto is not null => throw new WeChatProtocolException(ProtocolFault.NotFromWeChat, "The message is not encrypted (encrypt_type=aes) but WeChat:EncodingAESKey is configured."),
            "" or "raw" => outer,
            "aes" => inbound.Decrypt(request, outer, options, crypto),
            _ => throw new WeChatProtocolException(ProtocolFault.Malformed, "encrypt_type is neither raw nor aes."),
        };
        inbound.Message = InboundMessage.From(fields);

        // Only a push that passed every other check is remembered, so a forged body cannot claim a nonce first.
        if (!nonces.Admit(inbound.Seconds, inbound.Nonce, body))
        {
            throw new WeChatProtocolException(ProtocolFault.Replayed, "timestamp and nonce were already used with another body.");
        }

        return inbound;
    }

    private IReadOnlyDictionary<string, string> Decrypt(HttpRequest request, IReadOnlyDictionary<string, string> outer, WeChatOptions options, WeChatCrypto? crypto)
    {
        if (crypto is null)
        {
            throw new WeChatProtocolException(ProtocolFault.Malformed, "The message is encrypted but WeChat:EncodingAESKey is not configured.");
        }

        if (!outer.TryGetValue("Encrypt", out var encrypt) || encrypt.Length == 0)
        {
            throw new WeChatProtocolException(ProtocolFault.Malformed, "encrypt_type=aes but the body has no Encrypt.");
        }

        if (!WeChatSignature.Matches(Required(request, "msg_signature"), options.Token, Timestamp, Nonce, encrypt))
        {
            throw new WeChatProtocolException(ProtocolFault.NotFromWeChat, "msg_signature does not match.");
        }

        Encrypted = true;
        return WeChatXml.ReadFields(crypto.Decrypt(encrypt), options.MaxBodyBytes);
    }

    private static InboundRequest Authenticate(HttpRequest request, WeChatOptions options, DateTimeOffset now)
    {
        var signature = Required(request, "signature");
        var timestamp = Required(request, "timestamp");
        var nonce = Required(request, "nonce");
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            throw new WeChatProtocolException(ProtocolFault.Malformed, "timestamp is not a number.");
        }

        if (Math.Abs(now.ToUnixTimeSeconds() - seconds) > options.TimestampTolerance.TotalSeconds)
        {
            throw new WeChatProtocolException(ProtocolFault.Stale, "timestamp is too far from the server's clock.");
        }

        if (!WeChatSignature.Matches(signature, options.Token, timestamp, nonce))
        {
            throw new WeChatProtocolException(ProtocolFault.NotFromWeChat, "signature does not match.");
        }

        return new InboundRequest(timestamp, seconds, nonce);
    }

    private static string Required(HttpRequest request, string name) =>
        request.Query[name].ToString() is { Length: > 0 } value
            ? value
            : throw new WeChatProtocolException(ProtocolFault.Malformed, $"The query has no {name}.");

    private static async Task<string> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            throw new WeChatProtocolException(ProtocolFault.TooLarge, $"The body is over {limit} bytes.");
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeLimit)
        {
            sizeLimit.MaxRequestBodySize = limit;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    throw new WeChatProtocolException(ProtocolFault.TooLarge, $"The body is over {limit} bytes.");
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new WeChatProtocolException(ProtocolFault.TooLarge, $"The body is over {limit} bytes.");
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            throw new WeChatProtocolException(ProtocolFault.Malformed, "The body is not UTF-8.");
        }
    }
}
