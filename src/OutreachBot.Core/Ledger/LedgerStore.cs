using LiteDB;
using OutreachBot.Storage;
using OutreachBot.Ledger.Forwarding;
using OutreachBot.Storage.LiteDb;

namespace OutreachBot.Ledger;

/// <summary>
/// Ledger entries in LiteDB. Saving an entry and queueing its events for the adapters happen in one transaction.
/// There is no delete.
/// </summary>
public sealed class LedgerStore
{
    private readonly ILiteDatabase _database;
    private readonly ILiteCollection<LedgerEntry> _entries;
    private readonly Outbox _outbox;
    private readonly Lock _write = new();

    public LedgerStore(ILiteDatabase database, Outbox outbox)
    {
        _database = database;
        _outbox = outbox;
        database.Mapper.WarmUp(typeof(Transition), typeof(Reporter), typeof(LedgerEntry));
        _entries = database.GetCollection<LedgerEntry>("ledger_entries");
        _entries.EnsureIndex(e => e.VillageId);
        _entries.EnsureIndex(e => e.Status);
        _entries.EnsureIndex("reporter", "$.Reporter.UserId");
        _entries.EnsureIndex(e => e.OriginKey);
    }

    public LedgerEntry? Find(string id) => _entries.FindById(id);

    public LedgerEntry? FindByOrigin(string originKey) => _entries.FindOne(e => e.OriginKey == originKey);

    /// <summary>
    /// Inserts or updates the entry and queues the given events, atomically. Inside an outer unit of work (meeting
    /// minutes and their assignments) it joins that transaction: only the unit commits, rolls back and flushes.
    /// </summary>
    public void Save(LedgerEntry entry, params Transition?[] changes)
    {
        if (!_database.BeginTrans())
        {
            // Inside a unit of work: its owner commits, rolls back and flushes, and its gate keeps units apart. Taking
            // the lock here could deadlock with a save that holds it while waiting for a collection the unit wrote.
            Write(entry, changes);
            _outbox.Signal();
            return;
        }

        // LiteDB transactions belong to a thread; the lock keeps two saves from sharing one.
        lock (_write)
        {
            try
            {
                Write(entry, changes);
                _database.Commit();
            }
            catch
            {
                _database.Rollback();
                throw;
            }
        }

        _database.Flush();
        _outbox.Signal();
    }

    private void Write(LedgerEntry entry, Transition?[] changes)
    {
        _entries.Upsert(entry);
        foreach (var change in changes)
        {
            _outbox.Add(LedgerEvent.For(entry, change));
        }
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
}
