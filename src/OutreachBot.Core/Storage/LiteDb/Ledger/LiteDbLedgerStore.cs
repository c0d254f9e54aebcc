using LiteDB;
using OutreachBot.Ledger;
using OutreachBot.Ledger.Forwarding;

namespace OutreachBot.Storage.LiteDb.Ledger;

/// <summary>
/// Ledger entries in the "ledger_entries" collection. An entry and its outbox events are written in one LiteDB
/// transaction, or in the caller's when an <see cref="IUnitOfWork"/> is open on this thread.
/// </summary>
public sealed class LiteDbLedgerStore : ILedgerStore
{
    public const string CollectionName = "ledger_entries";

    private readonly ILiteDatabase _database;
    private readonly ILiteCollection<LedgerEntry> _entries;
    private readonly LiteDbLedgerOutbox _outbox;
    private readonly OutboxSignal _signal;
    private readonly Lock _write = new();

    public LiteDbLedgerStore(ILiteDatabase database, LiteDbLedgerOutbox outbox, OutboxSignal signal)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _outbox = outbox;
        _signal = signal;
        LiteDbLedgerMapping.Apply(database.Mapper);
        _entries = database.GetCollection<LedgerEntry>(CollectionName);
        _entries.EnsureIndex(e => e.VillageId);
        _entries.EnsureIndex(e => e.Status);
        _entries.EnsureIndex("reporter", "$.Reporter.UserId");
        _entries.EnsureIndex(e => e.OriginKey);
    }

    public LedgerEntry? Find(string id) => _entries.FindById(id);

    public LedgerEntry? FindByOrigin(string originKey) => _entries.FindOne(e => e.OriginKey == originKey);

    public void Save(LedgerEntry entry, params Transition?[] changes)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(changes);

        // LiteDB's transactions belong to a thread: BeginTrans is false when a unit of work already runs on this one.
        if (!_database.BeginTrans())
        {
            // The unit's owner commits, rolls back and flushes; its own gate keeps units apart. Taking our lock here
            // could deadlock: a save holding it may be waiting for the collection this unit has written.
            Write(entry, changes);
            LiteDbUnitOfWork.AfterCommit(_signal.Signal);
            return;
        }

        try
        {
            // The lock keeps two saves of this store one after the other, as they always were.
            lock (_write)
            {
                Write(entry, changes);
            }

            _database.Commit();
        }
        catch
        {
            _database.Rollback();
            throw;
        }

        _database.Flush();
        _signal.Signal();
    }

    public IReadOnlyList<LedgerEntry> OfReporter(string channelId, string userId) =>
        [.. _entries.Find(Query.EQ("$.Reporter.UserId", userId)).Where(e => e.Reporter.ChannelId == channelId).OrderByDescending(e => e.RaisedAt)];

    public IReadOnlyList<LedgerEntry> OpenIn(string villageId) =>
        [.. _entries.Find(e => e.VillageId == villageId).Where(e => e.IsOpen).OrderBy(e => e.RaisedAt)];

    public IReadOnlyList<LedgerEntry> InVillageSince(string villageId, DateTimeOffset since) =>
        [.. _entries.Find(e => e.VillageId == villageId).Where(e => e.RaisedAt >= since).OrderBy(e => e.RaisedAt)];

    public IReadOnlyList<LedgerEntry> WithStatus(EntryStatus status) => [.. _entries.Find(e => e.Status == status)];

    public IEnumerable<LedgerEntry> All() => _entries.FindAll();

    public int Count() => _entries.Count();

    private void Write(LedgerEntry entry, Transition?[] changes)
    {
        _entries.Upsert(entry);
        foreach (var change in changes)
        {
            _outbox.Add(LedgerEvent.For(entry, change));
        }
    }
}
