using OutreachBot.Identity;
using OutreachBot.Roster;

namespace OutreachBot.Meetings;

/// <summary>
/// Which meetings a chat user may see, change and write minutes for. See: township staff their township's, county
/// staff and county leaders all; a stationed cadre their village's; a helping cadre the villages of their paired
/// households (and, for each, its township's meeting). Change: staff, for the meetings they see. Minutes: staff for the
/// meetings they see, and a first secretary for their own village's.
/// </summary>
public sealed class MeetingAccess(IRosterStore roster, IMeetingCalendars calendars)
{
    public IReadOnlyList<MeetingCalendar> Visible(UserIdentity who)
    {
        ArgumentNullException.ThrowIfNull(who);
        if (StaffOf(who) is { } staff)
        {
            return staff.IsCountyOffice ? Ordered(calendars.All()) : Ordered(calendars.InTownship(staff.TownshipId!));
        }

        if (CadreOf(who) is not { } cadre)
        {
            throw new MeetingRefusedException(MeetingRefusal.NotCadreOrStaff);
        }

        if (cadre.Role == CadreRole.CountyLeader)
        {
            return Ordered(calendars.All());
        }

        var villages = cadre.VillageId is { } stationed ? [stationed] : roster.HouseholdsOf(cadre.Id).Select(h => h.VillageId).Distinct().ToList();
        var result = new List<MeetingCalendar>();
        foreach (var villageId in villages)
        {
            if (calendars.Find(villageId) is { } own)
            {
                result.Add(own);
            }

            if (roster.FindVillage(villageId)?.TownshipId is { } township && calendars.Find(township) is { Scope: MeetingScope.Township } shared && result.All(c => c.Id != shared.Id))
            {
                result.Add(shared);
            }
        }

        return Ordered(result);
    }

    public IReadOnlyList<MeetingCalendar> Changeable(UserIdentity who) =>
        StaffOf(who) is not null ? Visible(who) : CadreOf(who) is not null ? [] : throw new MeetingRefusedException(MeetingRefusal.NotCadreOrStaff);

    public IReadOnlyList<MeetingCalendar> ForMinutes(UserIdentity who)
    {
        if (StaffOf(who) is not null)
        {
            return Visible(who);
        }

        var cadre = CadreOf(who) ?? throw new MeetingRefusedException(MeetingRefusal.NotCadreOrStaff);
        return cadre.Role == CadreRole.FirstSecretary && cadre.VillageId is { } village && calendars.Find(village) is { } own ? [own] : [];
    }

    /// <summary>The calendar, if the user may see it.</summary>
    public MeetingCalendar VisibleOne(UserIdentity who, string calendarId) =>
        Visible(who).FirstOrDefault(c => c.Id == calendarId) ?? throw new MeetingRefusedException(MeetingRefusal.NotYours);

    /// <summary>The roster id of who acts, for the records.</summary>
    public string PersonOf(UserIdentity who) =>
        (StaffOf(who)?.Id ?? CadreOf(who)?.Id) ?? throw new MeetingRefusedException(MeetingRefusal.NotCadreOrStaff);

    private Staff? StaffOf(UserIdentity who) => who.Role == Role.Staff && who.PersonId is not null ? roster.FindStaff(who.PersonId) : null;

    private Cadre? CadreOf(UserIdentity who) => who.Role == Role.Cadre && who.PersonId is not null ? roster.FindCadre(who.PersonId) : null;

    private static IReadOnlyList<MeetingCalendar> Ordered(IEnumerable<MeetingCalendar> calendars) => [.. calendars.OrderBy(c => c.Scope).ThenBy(c => c.Id, StringComparer.Ordinal)];
}
