namespace OutreachBot.Ledger.Forwarding;

/// <summary>The built-in ledger's journal: every event of every entry, one record per event key, in the bot's own database.</summary>
public interface ILedgerJournal
{
    /// <summary>Inserts the record, or replaces the one with the same key (a redelivered event).</summary>
    void Record(JournalRecord record);

    IReadOnlyList<JournalRecord> OfEntry(string entryId);
}
