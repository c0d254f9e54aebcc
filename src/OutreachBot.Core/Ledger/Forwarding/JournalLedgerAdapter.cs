namespace OutreachBot.Ledger.Forwarding;

/// <summary>
/// The built-in ledger: an append-only journal of every event in the bot's own database, one record per key.
/// It is the default, so a county without an external system still has the full history in one place.
/// </summary>
public sealed class JournalLedgerAdapter(ILedgerJournal journal) : ILedgerAdapter
{
    /// <summary>
    /// Its historic name, after the database it was first written for: configurations (Ledger:Forwarding:Adapters)
    /// and the ids of queued outbox records carry it, so it stays whatever the database.
    /// </summary>
    public const string AdapterName = "litedb";

    public string Name => AdapterName;

    public Task<string?> DeliverAsync(LedgerEvent ledgerEvent, CancellationToken cancellationToken)
    {
        journal.Record(JournalRecord.Of(ledgerEvent));
        return Task.FromResult<string?>(null);
    }
}
