using System.Security.Cryptography;
using System.Text;
using LiteDB;
using Microsoft.Extensions.Options;

namespace OutreachBot.WeChat.Endpoint;

/// <summary>
/// The (timestamp, nonce) pairs of the pushes taken in, each with a hash of its body, in LiteDB beside the delivery
/// log so a restart does not forget them. In plaintext mode the signature covers only token, timestamp and nonce, not
/// the body: without this memory, anyone who saw one signed query could send any body with it until the timestamp
/// went stale. The same pair with the same body is let through, because that is what a retry of the same push looks
/// like if WeChat resends the query unchanged; the delivery log then answers it without a second turn. A record is
/// kept only while its timestamp is within WeChat:TimestampTolerance; after that the timestamp check refuses the pair.
/// </summary>
internal sealed class NonceLog
{
    private static readonly TimeSpan PurgeEvery = TimeSpan.FromMinutes(1);
    private readonly ILiteCollection<SeenNonce> _seen;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _tolerance;
    private long _nextPurgeMs;

    public NonceLog(ILiteDatabase database, TimeProvider clock, IOptions<WeChatOptions> options)
    {
        _seen = database.GetCollection<SeenNonce>("wechat_nonces");
        _seen.EnsureIndex(n => n.ExpiresAtMs);
        _clock = clock;
        _tolerance = options.Value.TimestampTolerance;
    }

    /// <summary>True the first time a pair is seen, and again for the same body; false for the pair with another body.</summary>
    public bool Admit(long timestamp, string nonce, string body)
    {
        var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        PurgeExpired(now);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
        var record = new SeenNonce
        {
            Id = string.Concat(timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture), ":", nonce),
            BodyHash = hash,

            // The timestamp check compares whole seconds, so the pair stays acceptable until the end of its last second.
            ExpiresAtMs = ((timestamp + 1) * 1000) + (long)_tolerance.TotalMilliseconds,
        };
        try
        {
            _seen.Insert(record);
            return true;
        }
        catch (LiteException e) when (e.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            var earlier = _seen.FindById(record.Id);
            if (earlier is null || earlier.ExpiresAtMs <= now)
            {
                _seen.Upsert(record);
                return true;
            }

            return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(earlier.BodyHash), Encoding.ASCII.GetBytes(hash));
        }
    }

    private void PurgeExpired(long now)
    {
        if (now < Interlocked.Read(ref _nextPurgeMs))
        {
            return;
        }

        Interlocked.Exchange(ref _nextPurgeMs, now + (long)PurgeEvery.TotalMilliseconds);
        _seen.DeleteMany(n => n.ExpiresAtMs <= now);
    }

    public sealed class SeenNonce
    {
        /// <summary>The request's timestamp and nonce, which its signature covers.</summary>
        public string Id { get; set; } = "";

        /// <summary>SHA-256 of the body as received (before decryption).</summary>
        public string BodyHash { get; set; } = "";

        public long ExpiresAtMs { get; set; }
    }
}
