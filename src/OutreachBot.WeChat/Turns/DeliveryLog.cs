using Microsoft.Extensions.Options;
using OutreachBot.WeChat.Storage;

namespace OutreachBot.WeChat.Turns;

/// <summary>
/// Which WeChat deliveries were already taken in, and the passive reply each got, in the database so that a retry
/// that arrives after a restart does not start a second turn. Records expire after WeChat:DedupRetention.
/// </summary>
internal sealed class DeliveryLog(IExpiringRecords<DeliveryLog.Delivery> deliveries, TimeProvider clock, IOptions<WeChatOptions> options)
{
    private readonly TimeSpan _retention = options.Value.DedupRetention;

    /// <summary>This run's id (one per started host): a record still "running" under another id was cut short.</summary>
    public string ProcessId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Takes a delivery in; returns null when it is new (and now recorded as running), else the earlier record.</summary>
    public Delivery? TryClaim(string key)
    {
        var now = clock.GetUtcNow();
        return deliveries.TryAdd(Claim(key, now), now);
    }

    /// <summary>Takes over a delivery whose process died before answering it.</summary>
    public void Reclaim(string key) => deliveries.Put(Claim(key, clock.GetUtcNow()));

    /// <summary>Records the passive reply (null: "success", the replies went through the API).</summary>
    public void Finish(string key, string? passiveReply)
    {
        var delivery = deliveries.Find(key);
        if (delivery is not null)
        {
            delivery.Finished = true;
            delivery.Reply = passiveReply;
            deliveries.Put(delivery);
        }
    }

    private Delivery Claim(string key, DateTimeOffset now) =>
        new() { Id = key, Process = ProcessId, ExpiresAtMs = now.ToUnixTimeMilliseconds() + (long)_retention.TotalMilliseconds };

    public sealed class Delivery : IExpiringRecord
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
