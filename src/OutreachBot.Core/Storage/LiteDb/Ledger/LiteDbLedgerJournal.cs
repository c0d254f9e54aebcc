using LiteDB;
using OutreachBot.Ledger.Forwarding;

namespace OutreachBot.Storage.LiteDb.Ledger;

/// <summary>The built-in ledger's journal in the "ledger_journal" collection.</summary>
public sealed class LiteDbLedgerJournal : ILedgerJournal
{
    public const string CollectionName = "ledger_journal";

    private readonly ILiteCollection<JournalRecord> _journal;

    public LiteDbLedgerJournal(ILiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        LiteDbLedgerMapping.Apply(database.Mapper);
        _journal = database.GetCollection<JournalRecord>(CollectionName);
    }

    public void Record(JournalRecord record) => _journal.Upsert(record);

    public IReadOnlyList<JournalRecord> OfEntry(string entryId) => [.. _journal.Find(r => r.EntryId == entryId).OrderBy(r => r.At)];
}
