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
        bool own;

        // LiteDB transactions belong to a thread; the lock keeps two saves from sharing one.
        lock (_write)
        {
            own = _database.BeginTrans();
            try
            {
                _entries.Upsert(entry);
                foreach (var change in changes)
                {
                    _outbox.Add(LedgerEvent.For(entry, change));
                }

                if (own)
                {
                    _database.Commit();
                }
            }
            catch
            {
                if (own)
                {
                    _database.Rollback();
                }

                throw;
            }
        }

        // A checkpoint cannot run inside a transaction; the unit that owns it flushes after its commit.
        if (own)
        {
            _database.Flush();
        }

        _outbox.Signal();
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
