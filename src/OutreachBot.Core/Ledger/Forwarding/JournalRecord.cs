namespace OutreachBot.Ledger.Forwarding;

/// <summary>One line of the built-in ledger's journal: an event of an entry, keyed by <see cref="LedgerEvent.Key"/>.</summary>
public sealed class JournalRecord
{
    public string Id { get; set; } = "";

    public string EntryId { get; set; } = "";

    public string Type { get; set; } = "";

    public DateTimeOffset At { get; set; }

    public string Status { get; set; } = "";

    public string? Note { get; set; }

    public static JournalRecord Of(LedgerEvent ledgerEvent)
    {
        ArgumentNullException.ThrowIfNull(ledgerEvent);
        return new JournalRecord
        {
            Id = ledgerEvent.Key,
            EntryId = ledgerEvent.Entry.TrackingNumber,
            Type = ledgerEvent.Type,
            At = ledgerEvent.OccurredAt,
            Status = ledgerEvent.Entry.Status,
            Note = ledgerEvent.Transition?.Note,
        };
    }
}
