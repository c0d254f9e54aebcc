using LiteDB;
using Microsoft.Extensions.Options;
using OutreachBot.Ledger.Forwarding;

namespace OutreachBot.Storage.LiteDb.Ledger;

/// <summary>
/// The outbox in the "ledger_outbox" collection. <see cref="LiteDbLedgerStore"/> adds to it inside its own
/// transaction on the same database, which is what makes an entry and its events one atomic write.
/// </summary>
public sealed class LiteDbLedgerOutbox : ILedgerOutbox
{
    public const string CollectionName = "ledger_outbox";

    private readonly ILiteCollection<OutboxRecord> _records;
    private readonly IReadOnlyList<string> _adapters;
    private readonly TimeProvider _clock;
    private long _sequence;

    public LiteDbLedgerOutbox(ILiteDatabase database, IOptions<ForwardingOptions> options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(options);
        LiteDbLedgerMapping.Apply(database.Mapper);
        _records = database.GetCollection<OutboxRecord>(CollectionName);
        _records.EnsureIndex(r => r.DeliveredAt);
        _records.EnsureIndex(r => r.EntryId);
        _adapters = options.Value.Adapters.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        _clock = clock;
        _sequence = _records.Count() == 0 ? 0 : _records.Max(r => r.Sequence);
    }

    public void Add(LedgerEvent ledgerEvent)
    {
        ArgumentNullException.ThrowIfNull(ledgerEvent);
        var now = _clock.GetUtcNow();
        foreach (var adapter in _adapters)
        {
            var id = $"{adapter}:{ledgerEvent.Key}";
            if (_records.FindById(id) is null)
            {
                _records.Insert(new OutboxRecord
                {
                    Id = id,
                    Sequence = Interlocked.Increment(ref _sequence),
                    Adapter = adapter,
                    EntryId = ledgerEvent.Entry.TrackingNumber,
                    Event = ledgerEvent,
                    CreatedAt = now,
                    NextAttemptAt = now,
                });
            }
        }
    }

    public IReadOnlyList<OutboxRecord> Pending() =>
        [.. _records.Find(r => r.DeliveredAt == null).OrderBy(r => r.Sequence)];

    public IReadOnlyList<OutboxRecord> Stuck(TimeSpan olderThan)
    {
        var before = _clock.GetUtcNow() - olderThan;
        return [.. Pending().Where(r => r.Attempts > 0 && r.LastError is not null || r.CreatedAt < before)];
    }

    public IReadOnlyList<OutboxRecord> ForEntry(string entryId) => [.. _records.Find(r => r.EntryId == entryId).OrderBy(r => r.Sequence)];

    public void MarkDelivered(OutboxRecord record, int attempts, DateTimeOffset attemptedAt, DateTimeOffset deliveredAt, string? externalId)
    {
        ArgumentNullException.ThrowIfNull(record);
        record.Attempts = attempts;
        record.LastAttemptAt = attemptedAt;
        record.DeliveredAt = deliveredAt;
        record.ExternalId = externalId;
        record.LastError = null;
        _records.Update(record);
    }

    public void MarkFailed(OutboxRecord record, int attempts, DateTimeOffset attemptedAt, string problem, DateTimeOffset nextAttemptAt)
    {
        ArgumentNullException.ThrowIfNull(record);
        record.Attempts = attempts;
        record.LastAttemptAt = attemptedAt;
        record.LastError = problem;
        record.NextAttemptAt = nextAttemptAt;
        _records.Update(record);
    }
}
