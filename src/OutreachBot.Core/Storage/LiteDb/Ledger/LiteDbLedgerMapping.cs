using System.Runtime.CompilerServices;
using LiteDB;
using OutreachBot.Ledger;
using OutreachBot.Ledger.Forwarding;

namespace OutreachBot.Storage.LiteDb.Ledger;

/// <summary>
/// How the ledger's types are stored: LiteDB's default mapping (public properties by name, Id as _id, enums by name)
/// plus the constructor a <see cref="LedgerEntry"/> is read back through, which has no parameterless one. The
/// documents are the ones the entry's former [BsonCtor] mapping wrote, so existing files read back unchanged.
/// Anything reading the ledger's collections with LiteDB directly (bench/Replay) applies this first.
/// </summary>
public static class LiteDbLedgerMapping
{
    private static readonly ConditionalWeakTable<BsonMapper, object> Applied = [];
    private static readonly Lock Gate = new();
    private static readonly object Done = new();

    /// <summary>Configures the mapper once (later calls do nothing) and builds the mappings before concurrent use (see MapperWarmUp).</summary>
    public static void Apply(BsonMapper mapper)
    {
        ArgumentNullException.ThrowIfNull(mapper);
        lock (Gate)
        {
            if (Applied.TryGetValue(mapper, out _))
            {
                return;
            }

            mapper.Entity<LedgerEntry>().Ctor(document => new LedgerEntry(
                mapper.Deserialize<string>(document["_id"]),
                mapper.Deserialize<LedgerBook>(document[nameof(LedgerEntry.Book)]),
                mapper.Deserialize<string>(document[nameof(LedgerEntry.Kind)]),
                mapper.Deserialize<string>(document[nameof(LedgerEntry.Description)]),
                mapper.Deserialize<Reporter>(document[nameof(LedgerEntry.Reporter)]),
                mapper.Deserialize<string>(document[nameof(LedgerEntry.VillageId)]),
                mapper.Deserialize<string>(document[nameof(LedgerEntry.VillageName)]),
                mapper.Deserialize<DateTimeOffset>(document[nameof(LedgerEntry.RaisedAt)]),
                mapper.Deserialize<DateTimeOffset>(document[nameof(LedgerEntry.DueAt)])));
            mapper.WarmUp(
                typeof(Transition), typeof(Reporter), typeof(LedgerEntry), typeof(EntrySnapshot), typeof(LedgerEvent), typeof(OutboxRecord), typeof(JournalRecord));
            Applied.Add(mapper, Done);
        }
    }
}
