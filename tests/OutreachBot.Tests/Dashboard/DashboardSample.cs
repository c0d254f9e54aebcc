using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Identity;
using OutreachBot.Ledger;
using OutreachBot.Meetings;
using OutreachBot.Time;
using OutreachBot.Visits;

namespace OutreachBot.Tests.Dashboard;

/// <summary>
/// Visits and ledger entries in the demo county, dated back from a given moment, made the way the product makes
/// them: visits through <see cref="VisitService.LogVisit"/>, entries moved by their own methods and saved with
/// <see cref="ILedgerStore.Save"/>. 青岩村 (V0101, 青岩乡) gets most of it, including a 困难群众 entry about 唐正全
/// (H0101003, tagged 残疾); 白水村 (V0201, 白水镇) gets a little, so a township's figures differ from the county's.
/// Meetings held: minutes (会议纪要, through <see cref="MinutesService"/>) for 青岩村's recent meetings, 白水村's latest,
/// and the latest of a township meeting 青岩乡 holds on the 1st of each month for all its villages.
/// </summary>
public static class DashboardSample
{
    public const string TaggedHousehold = "H0101003";
    public const string TaggedEntry = "KN-SAMPLE-0004";
    public const string TownshipCalendar = "T01";

    public static void Seed(IServiceProvider services, DateTimeOffset now)
    {
        var visits = services.GetRequiredService<VisitService>();
        var ledger = services.GetRequiredService<ILedgerStore>();
        var secretary = new UserIdentity("test", "sample-c101", Role.Cadre, "C101");
        var leader = new UserIdentity("test", "sample-c001", Role.Cadre, "C001");

        Visit(visits, secretary, "H0101001", now.AddHours(-2), VisitKind.HomeVisit);
        Visit(visits, secretary, "H0101002", now.AddDays(-3), VisitKind.Relief);
        Visit(visits, secretary, "H0101003", now.AddDays(-20), VisitKind.HomeVisit);
        Visit(visits, secretary, "H0101004", now.AddDays(-45), VisitKind.FieldStay);
        Visit(visits, secretary, "H0101001", now.AddDays(-70), VisitKind.HomeVisit);
        Visit(visits, leader, "H0201001", now.AddDays(-1), VisitKind.FieldStay);
        Visit(visits, leader, "H0201002", now.AddDays(-100), VisitKind.HomeVisit);

        var reporter = new Reporter("test", "villager-7", "王德明");
        Save(ledger, Entry("MS-SAMPLE-0001", LedgerBook.LivelihoodRequests, "饮水", "三组的自来水停了三天了", reporter, "V0101", "青岩村", now.AddDays(-30), e =>
        {
            e.Assign("县水务局", null, "system", now.AddDays(-30));
            e.Resolve("换了水泵，已经通水", "C101", now.AddDays(-27));
            e.RecordSatisfaction(Satisfaction.Satisfied, null, "villager-7", now.AddDays(-26));
        }));
        Save(ledger, Entry("MS-SAMPLE-0002", LedgerBook.LivelihoodRequests, "道路", "村口的桥栏杆坏了", reporter, "V0101", "青岩村", now.AddDays(-25), e =>
        {
            e.Assign("县交通运输局", null, "system", now.AddDays(-25));
            e.Resolve("栏杆已经修好", "C101", now.AddDays(-16));
            e.RecordSatisfaction(Satisfaction.BasicallySatisfied, null, "villager-7", now.AddDays(-15));
        }));
        Save(ledger, Entry("MS-SAMPLE-0003", LedgerBook.LivelihoodRequests, "饮水", "想通自来水到山上的老房子", reporter, "V0101", "青岩村", now.AddDays(-24), e =>
        {
            e.Assign("县水务局", null, "system", now.AddDays(-24));
            e.CloseUnresolved("水源在邻县，需要上级协调", "C101", now.AddDays(-10));
        }));
        Save(ledger, Entry(TaggedEntry, LedgerBook.HouseholdsInDifficulty, "生活困难", "腿脚不便，冬天取暖有困难", new Reporter("test", "sample-c101", "林文涛", CadreId: "C101"), "V0101", "青岩村", now.AddDays(-12), e =>
        {
            e.HouseholdId = TaggedHousehold;
            e.Assign("县民政局", "C101", "system", now.AddDays(-12));
            e.Resolve("送去了棉被", "C101", now.AddDays(-8));
            e.RecordSatisfaction(Satisfaction.Dissatisfied, "还是没有取暖的炉子", "sample-c101", now.AddDays(-7));
        }, dueInDays: 30));
        Save(ledger, Entry("WD-SAMPLE-0005", LedgerBook.Stability, "矛盾纠纷", "两家为宅基地边界吵架", reporter, "V0101", "青岩村", now.AddDays(-9), _ => { }, dueInDays: 3));
        Save(ledger, Entry("MS-SAMPLE-0006", LedgerBook.LivelihoodRequests, "农业", "蜂蜜卖不出去", new Reporter("test", "villager-9", "何秀英"), "V0201", "白水村", now.AddDays(-40), e =>
        {
            e.Assign("县农业农村局", null, "system", now.AddDays(-40));
            e.Resolve("联系了收购商", "C001", now.AddDays(-38));
            e.RecordSatisfaction(Satisfaction.Satisfied, null, "villager-9", now.AddDays(-38));
        }));

        RecordMinutes(services);
    }

    /// <summary>
    /// Minutes of the meetings begun before the host's clock, as staff record them in chat: 李晓红 (S02) for 青岩村's
    /// last meetings (the difficulty entry noted, it waits for the household's answer, so the ledger does not move) and
    /// the township's latest; 何静 (S01, county office) for 白水村's latest.
    /// </summary>
    private static void RecordMinutes(IServiceProvider services)
    {
        services.GetRequiredService<IMeetingCalendars>().Save(
            new MeetingCalendar(TownshipCalendar, MeetingScope.Township, TownshipCalendar, "0 9 1 * *", ChinaTime.ZoneId, "青岩乡政府会议室"));
        var minutes = services.GetRequiredService<MinutesService>();
        var township = new UserIdentity("test", "sample-s02", Role.Staff, "S02");
        var county = new UserIdentity("test", "sample-s01", Role.Staff, "S01");
        foreach (var meeting in minutes.HeldMeetings(township, "V0101"))
        {
            minutes.Save(township, "V0101", meeting.Key, [new MinutesChoice(TaggedEntry, "县民政局")]);
        }

        minutes.Save(township, TownshipCalendar, minutes.HeldMeetings(township, TownshipCalendar)[0].Key, []);
        minutes.Save(county, "V0201", minutes.HeldMeetings(county, "V0201")[0].Key, []);
    }

    private static void Visit(VisitService visits, UserIdentity cadre, string household, DateTimeOffset at, VisitKind kind)
    {
        var result = visits.LogVisit(cadre, new LogVisitRequest(household, at, kind, new VisitNotes(Hopes: "希望修路")));
        Assert.True(result.Logged, $"visit to {household} refused: {result.Refusal}");
    }

    private static LedgerEntry Entry(string id, LedgerBook book, string kind, string words, Reporter reporter, string village, string villageName, DateTimeOffset raised, Action<LedgerEntry> life, int dueInDays = 7)
    {
        var entry = new LedgerEntry(id, book, kind, words, reporter, village, villageName, raised, raised.AddDays(dueInDays));
        life(entry);
        return entry;
    }

    private static void Save(ILedgerStore ledger, LedgerEntry entry) => ledger.Save(entry, [null, .. entry.History]);

    /// <summary>The Shanghai date of an instant as the pages and exports write it.</summary>
    public static string Date(DateTimeOffset at) => ChinaTime.DateOf(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
