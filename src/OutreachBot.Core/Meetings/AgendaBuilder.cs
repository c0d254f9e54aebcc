using Microsoft.Extensions.Options;
using OutreachBot.Ledger;
using OutreachBot.Roster;
using OutreachBot.Time;
using OutreachBot.Visits;

namespace OutreachBot.Meetings;

/// <summary>Builds a meeting's agenda from the ledger and the visits, as they are now.</summary>
public sealed class AgendaBuilder(LedgerStore ledger, VisitService visits, IRosterStore roster, MeetingAttendees attendees, IOptions<MeetingsOptions> options)
{
    public Agenda For(MeetingCalendar calendar, MeetingOccurrence meeting, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var villages = attendees.VillagesOf(calendar);
        var limit = TimeSpan.FromDays(options.Value.OverdueDays);
        var items = villages
            .SelectMany(ledger.OpenIn)
            .Select(e => Item(e, now, limit))
            .OrderBy(i => i.Item.Section)
            .ThenBy(i => i.Item.Section == AgendaSection.Open ? i.Item.Book : default)
            .ThenBy(i => i.RaisedAt)
            .ThenBy(i => i.Item.EntryId, StringComparer.Ordinal)
            .Select(i => i.Item)
            .ToList();

        var month = CalendarMonth.Of(now);
        var notVisited = new List<HouseholdRef>();
        foreach (var villageId in villages)
        {
            var visited = visits.HouseholdsVisitedIn(villageId, month);
            var name = roster.FindVillage(villageId)?.Name ?? villageId;
            notVisited.AddRange(roster.HouseholdsIn(villageId)
                .Where(h => !visited.Contains(h.Id))
                .OrderBy(h => h.Id, StringComparer.Ordinal)
                .Select(h => new HouseholdRef(h.Id, h.HeadName, villageId, name, h.Group)));
        }

        return new Agenda(meeting, PlaceName(calendar), villages.Count > 1, items, notVisited, month);
    }

    /// <summary>The village's or township's name, e.g. 青岩村.</summary>
    public string PlaceName(MeetingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.Scope == MeetingScope.Village
            ? roster.FindVillage(calendar.Id)?.Name ?? calendar.Id
            : roster.FindTownship(calendar.Id)?.Name ?? calendar.Id;
    }

    /// <summary>
    /// Overdue: past the entry's own due time or older than the limit, unless it is resolved and waiting for the
    /// reporter's answer (then the work is done; the follow-up is the ledger's business).
    /// </summary>
    private static (AgendaItem Item, DateTimeOffset RaisedAt) Item(LedgerEntry entry, DateTimeOffset now, TimeSpan limit)
    {
        var age = now - entry.RaisedAt;
        var overdue = entry.Status != EntryStatus.Resolved && (entry.IsOverdue(now) || age > limit);
        var section = overdue ? AgendaSection.Overdue : entry.Reopened > 0 ? AgendaSection.Reopened : AgendaSection.Open;
        var item = new AgendaItem(entry.Id, entry.Book, entry.Kind, entry.Description, entry.VillageName, age < TimeSpan.Zero ? TimeSpan.Zero : age,
            section, entry.Reopened, entry.Status, entry.AssignedUnit);
        return (item, entry.RaisedAt);
    }
}
