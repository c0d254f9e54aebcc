using LiteDB;
using Microsoft.Extensions.Options;

namespace OutreachBot.WeChat.Turns;

/// <summary>
/// Which WeChat deliveries were already taken in, and the passive reply each got, in LiteDB so that a retry that
/// arrives after a restart does not start a second turn. Records expire after WeChat:DedupRetention.
/// </summary>
internal sealed class DeliveryLog
{
    private static readonly TimeSpan PurgeEvery = TimeSpan.FromMinutes(1);
    private readonly ILiteCollection<Delivery> _deliveries;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _retention;
    private long _nextPurgeMs;

    public DeliveryLog(ILiteDatabase database, TimeProvider clock, IOptions<WeChatOptions> options)
    {
        _deliveries = database.GetCollection<Delivery>("wechat_deliveries");
        _deliveries.EnsureIndex(d => d.ExpiresAtMs);
        _clock = clock;
        _retention = options.Value.DedupRetention;
    }

    /// <summary>This run's id (one per started host): a record still "running" under another id was cut short.</summary>
    public string ProcessId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Takes a delivery in; returns null when it is new (and now recorded as running), else the earlier record.</summary>
    public Delivery? TryClaim(string key)
    {
        var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        PurgeExpired(now);
        var claim = new Delivery { Id = key, Process = ProcessId, ExpiresAtMs = now + (long)_retention.TotalMilliseconds };
        try
        {
            _deliveries.Insert(claim);
            return null;
        }
        catch (LiteException e) when (e.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            var earlier = _deliveries.FindById(key);
            if (earlier is null || earlier.ExpiresAtMs <= now)
            {
                _deliveries.Upsert(claim);
                return null;
            }

            return earlier;
        }
    }

    /// <summary>Takes over a delivery whose process died before answering it.</summary>
    public void Reclaim(string key)
    {
        var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        _deliveries.Upsert(new Delivery { Id = key, Process = ProcessId, ExpiresAtMs = now + (long)_retention.TotalMilliseconds });
    }

    /// <summary>Records the passive reply (null: "success", the replies went through the API).</summary>
    public void Finish(string key, string? passiveReply)
    {
        var delivery = _deliveries.FindById(key);
        if (delivery is not null)
        {
            delivery.Finished = true;
            delivery.Reply = passiveReply;
            _deliveries.Update(delivery);
        }
    }

    private void PurgeExpired(long now)
    {
        if (now < Interlocked.Read(ref _nextPurgeMs))
        {
            return;
        }

        Interlocked.Exchange(ref _nextPurgeMs, now + (long)PurgeEvery.TotalMilliseconds);
        _deliveries.DeleteMany(d => d.ExpiresAtMs <= now);
    }

    public sealed class Delivery
    {
        /// <summary>The dedup key (sender and MsgId, or sender, time and event).</summary>
        public string Id { get; set; } = "";

        public string Process { get; set; } = "";

        public bool Finished { get; set; }

        /// <summary>The passive reply XML before encryption; null for "success".</summary>
        public string? Reply { get; set; }

        public long ExpiresAtMs { get; set; }
    }
}
