using OutreachBot.Roster;

namespace OutreachBot.Meetings;

public enum AttendeeKind
{
    Cadre,
    Staff,
}

/// <summary>Someone a meeting's reminders go to: a cadre or staff member of the roster.</summary>
public sealed record Attendee(string PersonId, string Name, AttendeeKind Kind);

/// <summary>
/// Who a meeting concerns, and so who is reminded. A village meeting ("五个一"驻村帮扶力量联席会议): the village's
/// first secretary and work-team members, every cadre paired with one of its households (a county leader too, when
/// paired there), and the staff of its township office; the county office's staff only when the township office has
/// nobody on the roster, so that someone on the staff side always hears of it. A township meeting: the same for all
/// the township's villages. Cadres come first and staff last, so a staff member's reminder can list who could not
/// be reached.
/// </summary>
public sealed class MeetingAttendees(IRosterStore roster)
{
    public IReadOnlyList<string> VillagesOf(MeetingCalendar calendar) =>
        calendar.Scope == MeetingScope.Village ? [calendar.Id] : [.. roster.VillagesIn(calendar.Id).Select(v => v.Id).Order(StringComparer.Ordinal)];

    public IReadOnlyList<Attendee> Of(MeetingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var villages = VillagesOf(calendar);
        var cadres = new List<Cadre>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var village in villages)
        {
            foreach (var stationed in roster.CadresIn(village).OrderBy(c => c.Role).ThenBy(c => c.Id, StringComparer.Ordinal))
            {
                if (seen.Add(stationed.Id))
                {
                    cadres.Add(stationed);
                }
            }
        }

        var paired = villages
            .SelectMany(roster.HouseholdsIn)
            .SelectMany(h => h.Pairings.Select(p => p.CadreId))
            .Where(seen.Add)
            .Order(StringComparer.Ordinal)
            .Select(roster.FindCadre)
            .OfType<Cadre>();
        cadres.AddRange(paired);

        return [.. cadres.Select(c => new Attendee(c.Id, c.Name, AttendeeKind.Cadre)), .. StaffOf(calendar.TownshipId).Select(s => new Attendee(s.Id, s.Name, AttendeeKind.Staff))];
    }

    private IEnumerable<Staff> StaffOf(string townshipId)
    {
        var township = roster.StaffOf(townshipId).OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
        return township.Count > 0 ? township : roster.StaffOf(null).OrderBy(s => s.Id, StringComparer.Ordinal);
    }
}
