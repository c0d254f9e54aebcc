using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OutreachBot.Dashboard;
using OutreachBot.Ledger;
using OutreachBot.Ledger.Forwarding;
using OutreachBot.Meetings;
using OutreachBot.Storage.LiteDb.Ledger;
using OutreachBot.Storage.LiteDb;
using OutreachBot.Storage.LiteDb.Meetings;
using OutreachBot.Tests.Roster;
using OutreachBot.Visits;
using OutreachBot.Storage.LiteDb.Visits;

namespace OutreachBot.Tests.Dashboard;

/// <summary>
/// The dashboard's figures on the demo county, with the clock at 2026-12-10 09:00 in Shanghai: pairing coverage,
/// visits by month and kind across the Shanghai month boundary, the ledger's close-out rate (无法解决 apart),
/// median days to close, satisfaction, and joint meetings held (with minutes) per village, township and county.
/// </summary>
public sealed class DashboardFiguresTests : IDisposable
{
    private readonly DemoCounty _county = new();
    private readonly OutboxSignal _signal;
    private readonly ILedgerStore _ledger;
    private readonly IVisitRecords _records;
    private readonly IMeetingCalendars _calendars;
    private readonly IMeetingMinutes _minutesStore;
    private readonly MinutesService _minutes;
    private readonly DashboardFigures _figures;

    public DashboardFiguresTests()
    {
        _signal = new OutboxSignal(_county.Clock);
        _ledger = new LiteDbLedgerStore(_county.Database, new LiteDbLedgerOutbox(_county.Database, Options.Create(new ForwardingOptions()), _county.Clock), _signal);
        _records = new LiteDbVisitRecords(_county.Database);
        _calendars = new LiteDbMeetingCalendars(_county.Database);
        new MeetingSeeds(_calendars, _county.Roster, new LiteDbSeedLog(_county.Database), _county.Clock, NullLogger.Instance)
            .Apply(Path.Combine(DemoCounty.RepositoryRoot, "seeds", MeetingSeeds.Folder));
        _minutesStore = new LiteDbMeetingMinutes(_county.Database);
        _minutes = new MinutesService(
            new MeetingAccess(_county.Roster, _calendars),
            new AgendaBuilder(_ledger, _county.Visits, _county.Roster, new MeetingAttendees(_county.Roster), Options.Create(new MeetingsOptions())),
            _minutesStore,
            _ledger,
            new LiteDbUnitOfWork(_county.Database),
            _county.Clock,
            NullLogger<MinutesService>.Instance);
        _figures = new DashboardFigures(_county.Roster, _ledger, _records, _minutesStore, _calendars, _county.Clock);
    }

    [Fact]
    public void Households_paired_coverage_and_cadres_are_counted_per_village_township_and_county()
    {
        var figures = _figures.Compute();

        Assert.Equal((150, 150, 1.0), (figures.County.Households, figures.County.PairedHouseholds, figures.County.Coverage));
        Assert.Equal(57, figures.Township("T01")!.Households);
        var qingyan = figures.Village("V0101")!;
        Assert.Equal((20, 20), (qingyan.Households, qingyan.PairedHouseholds));
        Assert.Equal(4, qingyan.PairedCadres); // 林文涛, 陈浩, 谢开明, 王剑锋
        Assert.Equal(
            figures.County.PairedCadres,
            _county.Roster.AllHouseholds().SelectMany(h => h.Pairings).Select(p => p.CadreId).Distinct().Count());
        Assert.Equal(["V0101", "V0102", "V0103"], figures.VillagesOf("T01").Select(v => v.Id));
        Assert.Equal(figures.County.Households, figures.Townships.Sum(t => t.Households));
    }

    [Fact]
    public void Visits_count_by_Shanghai_month_and_kind_and_a_household_unvisited_for_a_month_is_named()
    {
        var secretary = _county.Cadre("C101");
        Log(secretary, "H0101001", Shanghai(2026, 12, 1, 0, 10), VisitKind.HomeVisit);   // December in Shanghai, still November 30 in UTC
        Log(secretary, "H0101002", Shanghai(2026, 12, 5), VisitKind.Relief);
        Log(secretary, "H0101003", Shanghai(2026, 11, 30, 23, 30), VisitKind.FieldStay); // November
        Log(secretary, "H0101004", Shanghai(2026, 11, 10, 8, 59), VisitKind.HomeVisit);  // a month and a minute ago
        Log(secretary, "H0101005", Shanghai(2025, 12, 20), VisitKind.HomeVisit);        // last year, outside the twelve months

        var figures = _figures.Compute();
        var village = figures.Village("V0101")!;

        Assert.Equal([1, 1, 0], village.VisitsThisMonth);
        Assert.Equal([2, 1, 1], village.VisitsThisYear);
        Assert.Equal(new CalendarMonthLabel(2026, 1), new CalendarMonthLabel(figures.Months[0].Year, figures.Months[0].Month));
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2], village.VisitsByMonth);
        Assert.Equal(20 - 3, village.UnvisitedOverAMonth);
        Assert.Equal(village.VisitsThisYear, figures.County.VisitsThisYear);
        Assert.Equal(0, figures.Village("V0201")!.VisitsThisYear.Sum());

        var lists = new VillageLists(_county.Roster, _ledger, _records, new LedgerExport(_county.Roster), _county.Clock).For("V0101");
        Assert.Equal(village.UnvisitedOverAMonth, lists.Unvisited.Count);
        Assert.Contains(lists.Unvisited, h => h.HeadName == "张秀英" && h.LastVisitOn == "2026-11-10" && h.Cadres == "林文涛");
        Assert.DoesNotContain(lists.Unvisited, h => h.HeadName == "王德明");
    }

    [Fact]
    public void The_close_out_rate_counts_only_solved_entries_and_shows_unresolved_apart()
    {
        Save("MS-1", LedgerBook.LivelihoodRequests, "V0101", Shanghai(2026, 11, 1), e => Close(e, Shanghai(2026, 11, 5), Satisfaction.Satisfied));
        Save("MS-2", LedgerBook.LivelihoodRequests, "V0101", Shanghai(2026, 11, 2), e => Close(e, Shanghai(2026, 11, 12), Satisfaction.BasicallySatisfied));
        Save("MS-3", LedgerBook.LivelihoodRequests, "V0101", Shanghai(2026, 11, 3), e => e.CloseUnresolved("水源在邻县", "C101", Shanghai(2026, 11, 20)));
        Save("KN-4", LedgerBook.HouseholdsInDifficulty, "V0101", Shanghai(2026, 11, 4), e =>
        {
            e.Assign("县民政局", null, "system", Shanghai(2026, 11, 4));
            e.Resolve("送了棉被", "C101", Shanghai(2026, 11, 6));
            e.RecordSatisfaction(Satisfaction.Dissatisfied, "还是冷", "villager", Shanghai(2026, 11, 7));
        }, due: Shanghai(2026, 12, 20));
        Save("WD-5", LedgerBook.Stability, "V0101", Shanghai(2026, 12, 1), _ => { }, due: Shanghai(2026, 12, 4));
        Save("MS-6", LedgerBook.LivelihoodRequests, "V0201", Shanghai(2026, 10, 1), e => Close(e, Shanghai(2026, 10, 3), Satisfaction.Satisfied));

        var figures = _figures.Compute();
        var county = figures.County;

        Assert.Equal((6, 3, 1, 2), (county.EntriesTotal, county.Closed, county.ClosedUnresolved, county.Open));
        Assert.Equal(0.5, county.ClosedRate);
        Assert.Equal(4.0, county.MedianDaysToClose);          // 2, 4 and 10 days; 无法解决 is not a close-out
        Assert.Equal((2, 1, 1), (county.Satisfied, county.BasicallySatisfied, county.Dissatisfied));
        Assert.Equal(1, county.Entries(LedgerBook.HouseholdsInDifficulty, EntryStatus.InProgress));
        Assert.Equal(1, county.Entries(LedgerBook.Stability, EntryStatus.Registered));
        Assert.Equal(1, county.Overdue);                      // WD-5 is past its 3 days; KN-4 has until the 20th
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 4, 1], county.OpenedByMonth);
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 0], county.ClosedByMonth);
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0], county.UnresolvedByMonth);

        var qingyan = figures.Township("T01")!;
        Assert.Equal((5, 2, 0.4, 7.0), (qingyan.EntriesTotal, qingyan.Closed, qingyan.ClosedRate, qingyan.MedianDaysToClose));
        Assert.Equal((1, 1.0), (figures.Township("T02")!.EntriesTotal, figures.Township("T02")!.ClosedRate));
        Assert.Null(figures.Township("T03")!.ClosedRate);
        Assert.Null(figures.Township("T03")!.MedianDaysToClose);
    }

    [Fact]
    public void A_village_lists_its_open_entries_with_household_tags_only_beside_difficulty_entries()
    {
        Save("KN-1", LedgerBook.HouseholdsInDifficulty, "V0101", Shanghai(2026, 12, 1), e => e.HouseholdId = "H0101003");  // 唐正全, 残疾
        Save("MS-2", LedgerBook.LivelihoodRequests, "V0101", Shanghai(2026, 12, 2), e => e.HouseholdId = "H0101005");      // 冯秀英, 残疾
        Save("MS-3", LedgerBook.LivelihoodRequests, "V0101", Shanghai(2026, 11, 2), e => Close(e, Shanghai(2026, 11, 3), Satisfaction.Satisfied));

        var lists = new VillageLists(_county.Roster, _ledger, _records, new LedgerExport(_county.Roster), _county.Clock).For("V0101");

        Assert.Equal(["KN-1", "MS-2"], lists.OpenEntries.Select(e => e.Number));
        Assert.Equal(["残疾"], lists.OpenEntries[0].HouseholdTags);
        Assert.Empty(lists.OpenEntries[1].HouseholdTags);
    }

    [Fact]
    public void Meetings_with_minutes_count_for_their_village_and_a_township_meeting_once_for_its_township()
    {
        // 青岩乡 also meets as a township on the 1st of each month at 9:00, all three villages together.
        _calendars.Save(new MeetingCalendar("T01", MeetingScope.Township, "T01", "0 9 1 * *", "Asia/Shanghai", "青岩乡政府会议室"));
        Save("MS-1", LedgerBook.LivelihoodRequests, "V0101", Shanghai(2026, 11, 20), _ => { });
        var township = _county.StaffMember("S02");    // 李晓红, 青岩乡
        var baishui = _county.StaffMember("S03");     // 杨帆, 白水镇

        // 青岩村 (last Friday, 14:00): November and October this year, and December last year.
        Record(township, "V0101", "202611271400", new MinutesChoice("MS-1", "县水务局"));
        Record(township, "V0101", "202610301400");
        Record(township, "V0101", "202512261400");
        // 白水村 (the 25th, 9:00): November, its minutes written twice — still one meeting.
        Record(baishui, "V0201", "202611250900");
        Record(baishui, "V0201", "202611250900", new MinutesChoice("MS-1", "县水务局"));
        // 青岩乡's own meetings: December 1 (this month) and November 1.
        Record(township, "T01", "202612010900");
        Record(township, "T01", "202611010900");
        // A meeting held without minutes does not count: 上寨村's November meeting has none.

        var figures = _figures.Compute();

        Assert.Equal(new MeetingCount(ThisMonth: 0, ThisYear: 2, Overall: 3), figures.Village("V0101")!.MeetingsHeld);
        Assert.Equal(new MeetingCount(0, 0, 0), figures.Village("V0102")!.MeetingsHeld);
        Assert.Equal(new MeetingCount(0, 1, 1), figures.Village("V0201")!.MeetingsHeld);
        Assert.Equal(new MeetingCount(1, 2, 2), figures.Village("V0102")!.TownshipMeetingsHeld); // shown beside, not added
        Assert.Equal(new MeetingCount(0, 0, 0), figures.Village("V0201")!.TownshipMeetingsHeld);

        var qingyan = figures.Township("T01")!;
        Assert.Equal(new MeetingCount(1, 4, 5), qingyan.MeetingsHeld);          // 青岩村's 3 and the township's 2, once each
        Assert.Equal(new MeetingCount(1, 2, 2), qingyan.TownshipMeetingsHeld);
        Assert.Equal(new MeetingCount(0, 1, 1), figures.Township("T02")!.MeetingsHeld);
        Assert.Equal(new MeetingCount(0, 0, 0), figures.Township("T03")!.MeetingsHeld);
        Assert.Equal(new MeetingCount(1, 5, 6), figures.County.MeetingsHeld);
        Assert.Equal(new MeetingCount(1, 2, 2), figures.County.TownshipMeetingsHeld);

        // The same counts as the meetings feature gives, one query per scope.
        var year = (From: Shanghai(2026, 1, 1, 0), To: Shanghai(2027, 1, 1, 0));
        Assert.Equal(_minutes.MeetingsHeld(year.From, year.To), figures.County.MeetingsHeld.ThisYear);
        Assert.Equal(_minutes.MeetingsHeld(year.From, year.To, ["V0101", "V0102", "V0103", "T01"]), qingyan.MeetingsHeld.ThisYear);
        Assert.Equal(_minutes.MeetingsHeld(Shanghai(2026, 12, 1, 0), Shanghai(2027, 1, 1, 0)), figures.County.MeetingsHeld.ThisMonth);
    }

    [Fact]
    public void Minutes_whose_calendar_is_gone_still_count_for_the_village_or_township_the_id_names()
    {
        // Minutes outlive a calendar dropped from the store (白水镇 has none now): the roster id says whose meeting it was.
        _minutesStore.Save(new MeetingMinutes { Id = "T02|202611100900", CalendarId = "T02", OccurrenceKey = "202611100900", Start = Shanghai(2026, 11, 10, 9) });
        _minutesStore.Save(new MeetingMinutes { Id = "V0202|202611270900", CalendarId = "V0202", OccurrenceKey = "202611270900", Start = Shanghai(2026, 11, 27, 9) });
        Assert.Null(_calendars.Find("T02"));

        var figures = _figures.Compute();

        Assert.Equal(new MeetingCount(0, 1, 1), figures.Township("T02")!.TownshipMeetingsHeld);
        Assert.Equal(new MeetingCount(0, 1, 1), figures.Village("V0202")!.MeetingsHeld);
        Assert.Equal(new MeetingCount(0, 1, 1), figures.Village("V0201")!.TownshipMeetingsHeld);
        Assert.Equal(new MeetingCount(0, 2, 2), figures.Township("T02")!.MeetingsHeld);
        Assert.Equal(new MeetingCount(0, 2, 2), figures.County.MeetingsHeld);
    }

    public void Dispose()
    {
        _signal.Dispose();
        _county.Dispose();
    }

    private static DateTimeOffset Shanghai(int year, int month, int day, int hour = 10, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    private void Record(OutreachBot.Identity.UserIdentity who, string calendarId, string key, params MinutesChoice[] choices) =>
        _minutes.Save(who, calendarId, key, choices);

    private void Log(OutreachBot.Identity.UserIdentity cadre, string household, DateTimeOffset at, VisitKind kind) =>
        Assert.True(_county.Visits.LogVisit(cadre, new LogVisitRequest(household, at, kind)).Logged);

    private void Save(string id, LedgerBook book, string village, DateTimeOffset raised, Action<LedgerEntry> life, DateTimeOffset? due = null)
    {
        var entry = new LedgerEntry(id, book, "其他", "村民反映的问题 " + id, new Reporter("test", "villager"), village, village, raised, due ?? raised.AddDays(7));
        life(entry);
        _ledger.Save(entry, [null, .. entry.History]);
    }

    private static void Close(LedgerEntry entry, DateTimeOffset at, Satisfaction answer)
    {
        entry.Assign("县水务局", null, "system", entry.RaisedAt);
        entry.Resolve("办好了", "C101", at);
        entry.RecordSatisfaction(answer, null, "villager", at);
    }

    private readonly record struct CalendarMonthLabel(int Year, int Month);
}
