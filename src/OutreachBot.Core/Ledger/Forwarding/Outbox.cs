using LiteDB;
using OutreachBot.Storage;
using Microsoft.Extensions.Options;
using OutreachBot.Storage.LiteDb;

namespace OutreachBot.Ledger.Forwarding;

/// <summary>
/// The durable queue between the ledger and its adapters. Events are added in the same LiteDB transaction that
/// saves the entry, so an entry is never saved without its events nor the other way round; a dispatcher delivers them.
/// </summary>
public sealed class Outbox : IDisposable
{
    private readonly ILiteCollection<OutboxRecord> _records;
    private readonly IReadOnlyList<string> _adapters;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _signal = new(0);
    private long _sequence;

    public Outbox(ILiteDatabase database, IOptions<ForwardingOptions> options, TimeProvider clock)
    {
        database.Mapper.WarmUp(typeof(Transition), typeof(EntrySnapshot), typeof(LedgerEvent), typeof(OutboxRecord));
        _records = database.GetCollection<OutboxRecord>("ledger_outbox");
        _records.EnsureIndex(r => r.DeliveredAt);
        _records.EnsureIndex(r => r.EntryId);
        _adapters = options.Value.Adapters.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        _clock = clock;
        _sequence = _records.Count() == 0 ? 0 : _records.Max(r => r.Sequence);
    }

    /// <summary>Queues the event for every configured adapter; call inside the transaction that saves the entry.</summary>
    public void Add(LedgerEvent ledgerEvent)
    {
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

    /// <summary>Wakes the dispatcher after a commit, so delivery does not wait for the next poll.</summary>
    public void Signal()
    {
        if (_signal.CurrentCount == 0)
        {
            _signal.Release();
        }
    }

    /// <summary>Waits for a signal or the timeout (on the injected clock, so tests can move time).</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var signalled = _signal.WaitAsync(either.Token);
        var delay = Task.Delay(timeout, _clock, either.Token);
        await Task.WhenAny(signalled, delay).ConfigureAwait(false);
        await either.CancelAsync().ConfigureAwait(false);
        try
        {
            await signalled.ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return false;
        }
    }

    public void Dispose() => _signal.Dispose();

    public IReadOnlyList<OutboxRecord> Pending() =>
        [.. _records.Find(r => r.DeliveredAt == null).OrderBy(r => r.Sequence)];

    /// <summary>What staff look at: undelivered records that have failed or waited too long.</summary>
    public IReadOnlyList<OutboxRecord> Stuck(TimeSpan olderThan)
    {
        var before = _clock.GetUtcNow() - olderThan;
        return [.. Pending().Where(r => r.Attempts > 0 && r.LastError is not null || r.CreatedAt < before)];
    }

    public IReadOnlyList<OutboxRecord> ForEntry(string entryId) => [.. _records.Find(r => r.EntryId == entryId).OrderBy(r => r.Sequence)];

    public void Update(OutboxRecord record) => _records.Update(record);
}
