using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using OutreachBot.WeChat.Storage;

namespace OutreachBot.WeChat.Endpoint;

/// <summary>
/// The (timestamp, nonce) pairs of the pushes taken in, each with a hash of its body, in the database beside the
/// delivery log so a restart does not forget them. In plaintext mode the signature covers only token, timestamp and
/// nonce, not the body: without this memory, anyone who saw one signed query could send any body with it until the
/// timestamp went stale. The same pair with the same body is let through, because that is what a retry of the same
/// push looks like if WeChat resends the query unchanged; the delivery log then answers it without a second turn. A
/// record is kept only while its timestamp is within WeChat:TimestampTolerance; after that the timestamp check
/// refuses the pair.
/// </summary>
internal sealed class NonceLog(IExpiringRecords<NonceLog.SeenNonce> seen, TimeProvider clock, IOptions<WeChatOptions> options)
{
    private readonly TimeSpan _tolerance = options.Value.TimestampTolerance;

    /// <summary>True the first time a pair is seen, and again for the same body; false for the pair with another body.</summary>
    public bool Admit(long timestamp, string nonce, string body)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
        var record = new SeenNonce
        {
            Id = string.Concat(timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture), ":", nonce),
            BodyHash = hash,

            // The timestamp check compares whole seconds, so the pair stays acceptable until the end of its last second.
            ExpiresAtMs = ((timestamp + 1) * 1000) + (long)_tolerance.TotalMilliseconds,
        };
        var earlier = seen.TryAdd(record, clock.GetUtcNow());
        return earlier is null || CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(earlier.BodyHash), Encoding.ASCII.GetBytes(hash));
    }

    public sealed class SeenNonce : IExpiringRecord
    {
        /// <summary>The request's timestamp and nonce, which its signature covers.</summary>
        public string Id { get; set; } = "";

        /// <summary>SHA-256 of the body as received (before decryption).</summary>
        public string BodyHash { get; set; } = "";

        public long ExpiresAtMs { get; set; }
    }
}
