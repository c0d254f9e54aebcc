using OutreachBot.Identity;
using OutreachBot.Meetings;
using OutreachBot.Roster;
using static OutreachBot.Tests.Meetings.MeetingBed;

namespace OutreachBot.Tests.Meetings;

/// <summary>Who sees, changes and writes minutes for which meetings: checked in the services, whatever the menus show.</summary>
public sealed class MeetingAccessTests : IAsyncLifetime
{
    private MeetingBed _bed = null!;

    public async Task InitializeAsync() => _bed = await StartAsync(Local(2026, 12, 1, 9));

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    private UserIdentity As(string personId, Role role)
    {
        _bed.Bound(personId, role);
        return _bed.Identity(personId);
    }

    private MeetingService Meetings => _bed.Get<MeetingService>();

    private MinutesService Minutes => _bed.Get<MinutesService>();

    [Fact]
    public void Township_staff_see_their_townships_villages_and_county_staff_all()
    {
        Assert.Equal(["V0101", "V0102", "V0103"], Meetings.Upcoming(As("S02", Role.Staff)).Select(m => m.Calendar.Id).Order(StringComparer.Ordinal));
        Assert.Equal(8, Meetings.Upcoming(As("S01", Role.Staff)).Count);
    }

    [Fact]
    public void A_stationed_cadre_sees_their_village_and_a_helping_cadre_the_villages_of_their_households()
    {
        Assert.Equal(["V0101"], Meetings.Upcoming(As("C201", Role.Cadre)).Select(m => m.Calendar.Id));
        Assert.Equal(["V0101", "V0102", "V0301", "V0302"], Meetings.Upcoming(As("C302", Role.Cadre)).Select(m => m.Calendar.Id).Order(StringComparer.Ordinal));
        Assert.Equal(8, Meetings.Upcoming(As("C001", Role.Cadre)).Count);
    }

    [Fact]
    public void A_resident_is_refused_everything()
    {
        var resident = _bed.Identity("villager-1");

        Assert.Equal(MeetingRefusal.NotCadreOrStaff, Assert.Throws<MeetingRefusedException>(() => Meetings.Upcoming(resident)).Reason);
        Assert.Equal(MeetingRefusal.NotCadreOrStaff, Assert.Throws<MeetingRefusedException>(() => Meetings.AgendaOf(resident, "V0101")).Reason);
        Assert.Equal(MeetingRefusal.NotCadreOrStaff, Assert.Throws<MeetingRefusedException>(() => Minutes.Calendars(resident)).Reason);
    }

    [Fact]
    public void Cadres_cannot_change_meetings_and_staff_only_their_townships()
    {
        var firstSecretary = As("C101", Role.Cadre);
        var otherTownship = As("S03", Role.Staff);
        var staff = As("S02", Role.Staff);
        var before = _bed.Get<IMeetingCalendars>().Find("V0101")!.Changes.Count;

        Assert.Equal(MeetingRefusal.NotYours, Assert.Throws<MeetingRefusedException>(() => Meetings.Cancel(firstSecretary, "V0101", "202612251400")).Reason);
        Assert.Equal(MeetingRefusal.NotYours, Assert.Throws<MeetingRefusedException>(() => Meetings.Cancel(otherTownship, "V0101", "202612251400")).Reason);
        Assert.Equal(MeetingRefusal.InPast, Assert.Throws<MeetingRefusedException>(() => Meetings.Move(staff, "V0101", "202612251400", Local(2026, 11, 30, 9), null)).Reason);
        Assert.Equal(MeetingRefusal.UnknownMeeting, Assert.Throws<MeetingRefusedException>(() => Meetings.Cancel(staff, "V0101", "202612241400")).Reason);
        Assert.Equal(MeetingRefusal.NotChanged, Assert.Throws<MeetingRefusedException>(() => Meetings.Restore(staff, "V0101", "202612251400")).Reason);
        Assert.Equal(before, _bed.Get<IMeetingCalendars>().Find("V0101")!.Changes.Count);
    }

    [Fact]
    public void Minutes_are_for_staff_and_the_villages_own_first_secretary()
    {
        Assert.Equal(["V0101"], Minutes.Calendars(As("C101", Role.Cadre)).Select(c => c.Id));
        Assert.Equal(MeetingRefusal.MinutesNotAllowed, Assert.Throws<MeetingRefusedException>(() => Minutes.Calendars(As("C201", Role.Cadre))).Reason);
        Assert.Equal(MeetingRefusal.MinutesNotAllowed, Assert.Throws<MeetingRefusedException>(() => Minutes.Calendars(As("C301", Role.Cadre))).Reason);
        Assert.Equal(MeetingRefusal.NotYours, Assert.Throws<MeetingRefusedException>(() => Minutes.HeldMeetings(As("C101", Role.Cadre), "V0102")).Reason);
        Assert.Equal(MeetingRefusal.NotHeldYet, Assert.Throws<MeetingRefusedException>(() => Minutes.Save(As("S02", Role.Staff), "V0101", "202612251400", [])).Reason);
    }

    [Fact]
    public void A_township_meeting_covers_all_its_villages_entries_and_people()
    {
        var store = _bed.Get<IMeetingCalendars>();
        store.Save(new MeetingCalendar("T03", MeetingScope.Township, "T03", "0 9 * * 1#1", "Asia/Shanghai", "松坪乡政府会议室"));
        _bed.Entry("MS-S1", "V0301", "松坪村", "松坪村的路灯坏了", Local(2026, 11, 20, 9), kind: "道路交通");
        _bed.Entry("MS-C1", "V0302", "草地村", "草地村的水管冻裂了", Local(2026, 11, 25, 9));
        _bed.Entry("MS-Q1", "V0101", "青岩村", "青岩村的事", Local(2026, 11, 25, 9));
        var calendar = store.Find("T03")!;
        var meeting = calendar.Next(Local(2026, 12, 1, 9))!;

        var agenda = _bed.Get<AgendaBuilder>().For(calendar, meeting, Local(2026, 12, 1, 9));
        var people = _bed.Get<MeetingAttendees>().Of(calendar);

        Assert.Equal("2026-12-07 09:00", ChinaLocal(meeting.Start));
        Assert.Equal(["MS-S1", "MS-C1"], agenda.Items.Select(i => i.EntryId));
        Assert.True(agenda.ManyVillages);
        Assert.Contains("松坪村·民生诉求·道路交通", _bed.Get<MeetingReplies>().ItemLine(1, agenda.Items[0], agenda.ManyVillages), StringComparison.Ordinal);
        Assert.Equal(["C107", "C207", "C108", "C208"], people.Where(p => _bed.Get<IRosterStore>().FindCadre(p.PersonId)?.VillageId is not null).Select(p => p.PersonId));
        Assert.Equal("S04", people[^1].PersonId);
        Assert.Contains(Meetings.Upcoming(As("C107", Role.Cadre)), m => m.Calendar.Id == "T03");
    }
}
