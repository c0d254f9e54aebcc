using LiteDB;
using OutreachBot.Ledger;

namespace OutreachBot.Storage.LiteDb.Ledger;

/// <summary>
/// Tracking-number counters in the "ledger_counters" collection: {_id: "MS20261127", Value}. The read and the write
/// of a counter happen under one lock: the process is the file's only writer (see Database), so that is atomic.
/// </summary>
public sealed class LiteDbTrackingCounters(ILiteDatabase database) : ITrackingCounters
{
    public const string CollectionName = "ledger_counters";

    private readonly ILiteCollection<Counter> _counters = database.GetCollection<Counter>(CollectionName);
    private readonly Lock _lock = new();

    public int Increment(string counter)
    {
        lock (_lock)
        {
            var stored = _counters.FindById(counter) ?? new Counter { Id = counter };
            stored.Value++;
            _counters.Upsert(stored);
            return stored.Value;
        }
    }

    private sealed class Counter
    {
        public string Id { get; set; } = "";

        public int Value { get; set; }
    }
}
