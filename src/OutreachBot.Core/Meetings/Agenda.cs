using OutreachBot.Ledger;
using OutreachBot.Time;
using OutreachBot.Visits;

namespace OutreachBot.Meetings;

public enum AgendaSection
{
    /// <summary>Past its own time limit, or open longer than Meetings:OverdueDays.</summary>
    Overdue,

    /// <summary>Sent back to work after 不满意 (and not overdue).</summary>
    Reopened,

    /// <summary>Every other open entry, listed by ledger.</summary>
    Open,
}

/// <summary>An open ledger entry as the meeting sees it.</summary>
public sealed record AgendaItem(
    string EntryId,
    LedgerBook Book,
    string Kind,
    string Description,
    string VillageName,
    TimeSpan Age,
    AgendaSection Section,
    int Reopened,
    EntryStatus Status,
    string? AssignedUnit);

/// <summary>
/// What a meeting works through: the open entries of its villages (overdue first, then those reopened after
/// 不满意, then the rest by ledger, oldest first within each), and the households nobody visited this month.
/// The order of <see cref="Items"/> is the numbering everywhere (reminder, 会议议程, 会议纪要).
/// </summary>
public sealed record Agenda(MeetingOccurrence Meeting, string Title, bool ManyVillages, IReadOnlyList<AgendaItem> Items, IReadOnlyList<HouseholdRef> NotVisited, CalendarMonth Month)
{
    public int Count(AgendaSection section) => Items.Count(i => i.Section == section);

    public IReadOnlyList<AgendaItem> In(AgendaSection section) => [.. Items.Where(i => i.Section == section)];
}
