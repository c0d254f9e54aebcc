using OutreachBot.Ledger;

namespace OutreachBot.Meetings;

/// <summary>会议纪要: the entries a meeting discussed and whom each was given to. One per meeting; its id is the meeting's.</summary>
public sealed class MeetingMinutes
{
    public string Id { get; set; } = "";

    public string CalendarId { get; set; } = "";

    public string OccurrenceKey { get; set; } = "";

    /// <summary>When the meeting took place.</summary>
    public DateTimeOffset Start { get; set; }

    /// <summary>The roster id of the staff member or first secretary who recorded it.</summary>
    public string RecordedBy { get; set; } = "";

    public DateTimeOffset RecordedAt { get; set; }

    public List<MinutesItem> Items { get; set; } = [];
}

/// <summary>One entry discussed: what it was (as it stood then), and the unit it was given to.</summary>
public sealed class MinutesItem
{
    public string EntryId { get; set; } = "";

    public LedgerBook Book { get; set; }

    public string Kind { get; set; } = "";

    public string Summary { get; set; } = "";

    public string Unit { get; set; } = "";

    /// <summary>Whether the ledger entry was assigned to the unit; false when it was waiting for the reporter's answer.</summary>
    public bool AssignedInLedger { get; set; }
}
