namespace OutreachBot.Ledger.Forwarding;

/// <summary>
/// The durable queue between the ledger and its adapters: one record per event and adapter, kept until delivered,
/// with its attempts and errors. Which records are due, the retry backoff and waking the dispatcher are
/// <see cref="OutboxDispatcher"/>'s and <see cref="OutboxSignal"/>'s business, not the store's.
/// </summary>
public interface ILedgerOutbox
{
    /// <summary>
    /// Queues the event for every configured adapter, once per adapter and event key. Only inside the atomic save of
    /// the entry it belongs to (<see cref="ILedgerStore.Save"/> calls it), so neither is kept without the other.
    /// </summary>
    void Add(LedgerEvent ledgerEvent);

    /// <summary>Undelivered records in the order they were queued, due or not (one entry's events go in order).</summary>
    IReadOnlyList<OutboxRecord> Pending();

    /// <summary>What staff look at: undelivered records that have failed or waited longer than <paramref name="olderThan"/>.</summary>
    IReadOnlyList<OutboxRecord> Stuck(TimeSpan olderThan);

    /// <summary>Every record of one entry, delivered or not, in the order queued.</summary>
    IReadOnlyList<OutboxRecord> ForEntry(string entryId);

    /// <summary>Records a delivery (and the id the external ledger gave, if any) on the record and in the store.</summary>
    void MarkDelivered(OutboxRecord record, int attempts, DateTimeOffset attemptedAt, DateTimeOffset deliveredAt, string? externalId);

    /// <summary>Records a failed attempt and when to try again, on the record and in the store.</summary>
    void MarkFailed(OutboxRecord record, int attempts, DateTimeOffset attemptedAt, string problem, DateTimeOffset nextAttemptAt);
}
