using LiteDB;

namespace OutreachBot.Ledger.Forwarding;

/// <summary>
/// The built-in ledger: an append-only journal of every event in the bot's own database, one record per key.
/// It is the default, so a county without an external system still has the full history in one place.
/// </summary>
public sealed class LiteDbLedgerAdapter(ILiteDatabase database) : ILedgerAdapter
{
    private readonly ILiteCollection<JournalRecord> _journal = database.GetCollection<JournalRecord>("ledger_journal");

    public string Name => "litedb";

    public Task<string?> DeliverAsync(LedgerEvent ledgerEvent, CancellationToken cancellationToken)
    {
        _journal.Upsert(new JournalRecord
        {
            Id = ledgerEvent.Key,
            EntryId = ledgerEvent.Entry.TrackingNumber,
            Type = ledgerEvent.Type,
            At = ledgerEvent.OccurredAt,
            Status = ledgerEvent.Entry.Status,
            Note = ledgerEvent.Transition?.Note,
        });
        return Task.FromResult<string?>(null);
    }

    public IReadOnlyList<JournalRecord> JournalOf(string entryId) => [.. _journal.Find(r => r.EntryId == entryId).OrderBy(r => r.At)];

    public sealed class JournalRecord
    {
        public string Id { get; set; } = "";

        public string EntryId { get; set; } = "";

        public string Type { get; set; } = "";

        public DateTimeOffset At { get; set; }

        public string Status { get; set; } = "";

        public string? Note { get; set; }
    }
}
