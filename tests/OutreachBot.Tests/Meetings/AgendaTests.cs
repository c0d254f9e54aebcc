using OutreachBot.Identity;
using OutreachBot.Ledger;
using OutreachBot.Meetings;
using OutreachBot.Visits;
using static OutreachBot.Tests.Meetings.MeetingBed;

namespace OutreachBot.Tests.Meetings;

/// <summary>
/// The agenda of 青岩村's meeting of 25 December 2026: exactly the village's open entries (not another village's,
/// not closed ones), overdue first, then those reopened after 不满意, then the rest by ledger; the households nobody
/// visited this month; and the reminder that carries it, cut short for a phone.
/// </summary>
public sealed class AgendaTests
{
    private static readonly DateTimeOffset Now = Local(2026, 12, 22, 13);

    [Fact]
    public async Task The_agenda_lists_exactly_the_open_entries_of_the_village_overdue_first()
    {
        await using var bed = await StartAsync(Now);
        Ledger(bed);

        var calendar = bed.Get<IMeetingCalendars>().Find("V0101")!;
        var agenda = bed.Get<AgendaBuilder>().For(calendar, calendar.Next(Now)!, Now);

        Assert.Equal(["MS-A", "MS-B", "MS-C", "MS-F", "MS-E", "KN-D"], agenda.Items.Select(i => i.EntryId));
        Assert.Equal(
            [AgendaSection.Overdue, AgendaSection.Overdue, AgendaSection.Reopened, AgendaSection.Open, AgendaSection.Open, AgendaSection.Open],
            agenda.Items.Select(i => i.Section));
        Assert.Equal(1, agenda.Items.Single(i => i.EntryId == "MS-C").Reopened);
        Assert.Equal(19, agenda.NotVisited.Count);
        Assert.DoesNotContain(agenda.NotVisited, h => h.Id == "H0101001");
        Assert.All(agenda.NotVisited, h => Assert.Equal("V0101", h.VillageId));
    }

    [Fact]
    public async Task An_entry_older_than_the_configured_limit_is_overdue_even_within_its_own_time_limit()
    {
        await using var bed = await StartAsync(Now, new Dictionary<string, string?> { ["Meetings:OverdueDays"] = "5" });
        Ledger(bed);

        var calendar = bed.Get<IMeetingCalendars>().Find("V0101")!;
        var agenda = bed.Get<AgendaBuilder>().For(calendar, calendar.Next(Now)!, Now);

        Assert.Equal(["MS-A", "MS-B", "MS-C"], agenda.In(AgendaSection.Overdue).Select(i => i.EntryId));
        Assert.Equal(["MS-F", "MS-E", "KN-D"], agenda.In(AgendaSection.Open).Select(i => i.EntryId));
    }

    [Fact]
    public async Task The_reminder_carries_the_agenda_in_short_with_the_command_for_the_rest()
    {
        await using var bed = await StartAsync(Now, new Dictionary<string, string?> { ["Meetings:ReminderLines"] = "3" });
        bed.Reachable("C101", Role.Cadre);
        Ledger(bed);

        var reminder = (await bed.RunUntilAsync(Local(2026, 12, 22, 14), TimeSpan.FromHours(1))).Single(r => r.PersonId == "C101" && r.Text.StartsWith("【会议提醒】青岩村", StringComparison.Ordinal));

        Assert.Equal(
            """
            【会议提醒】青岩村“五个一”联席会议
            时间：12月25日（周五）14:00（3 天后）
            地点：青岩村村委会会议室
            议程：未办结 6 条，其中超期 2 条、不满意退回 1 条；本月还没走访 19 户。
            1. 【超期】民生诉求·饮水：三组的自来水停了三天了，水管可能冻裂了…（82 天前登记，交办 县水务局）
            2. 【超期】民生诉求·道路交通：村口的桥栏杆断了（12 天前登记）
            3. 【不满意退回】民生诉求·饮水：自来水浑浊（7 天前登记，交办 县水务局）
            ……还有 3 条。
            本月还没走访：李桂兰、唐正全、张秀英、冯秀英、蒲文秀、王国华、郭世平、刘玉珍、周国华、张建军 等
            发“会议议程”看全部。
            """.ReplaceLineEndings("\n"),
            reminder.Text);
    }

    /// <summary>
    /// 青岩村: A overdue by age and assigned; B past its own due time; C reopened after 不满意; D (困难群众), E open;
    /// F resolved and waiting for the reporter past its due time (not overdue: the work is done); G closed, I closed
    /// unresolved. 上寨村: H open. H0101001 was visited this month.
    /// </summary>
    private static void Ledger(MeetingBed bed)
    {
        var store = bed.Get<ILedgerStore>();
        var a = bed.Entry("MS-A", "V0101", "青岩村", "三组的自来水停了三天了，水管可能冻裂了，请尽快派人来看", Local(2026, 10, 1, 9), dueDays: 100);
        store.Save(a, a.Assign("县水务局", null, "S02", Local(2026, 10, 2)));
        bed.Entry("MS-B", "V0101", "青岩村", "村口的桥栏杆断了", Local(2026, 12, 10, 9), dueDays: 7, kind: "道路交通");
        var c = bed.Entry("MS-C", "V0101", "青岩村", "自来水浑浊", Local(2026, 12, 15, 9), dueDays: 30);
        store.Save(c, c.Assign("县水务局", null, "S02", Local(2026, 12, 15, 10)), c.Resolve("清洗了水池", "C101", Local(2026, 12, 18)),
            c.RecordSatisfaction(Satisfaction.Dissatisfied, "水还是浑的", "o-MS-C", Local(2026, 12, 19)));
        bed.Entry("KN-D", "V0101", "青岩村", "独居老人冬天取暖困难", Local(2026, 12, 18, 9), dueDays: 30, book: LedgerBook.HouseholdsInDifficulty, kind: "取暖");
        bed.Entry("MS-E", "V0101", "青岩村", "想学种花椒的技术", Local(2026, 12, 19, 9), dueDays: 30, kind: "技术培训");
        var f = bed.Entry("MS-F", "V0101", "青岩村", "路灯不亮", Local(2026, 12, 16, 9), dueDays: 3, kind: "道路交通");
        store.Save(f, f.Assign("乡政府", null, "S02", Local(2026, 12, 16, 10)), f.Resolve("换了灯泡", "C101", Local(2026, 12, 18)));
        var g = bed.Entry("MS-G", "V0101", "青岩村", "垃圾没人收", Local(2026, 12, 1, 9));
        store.Save(g, g.Assign("乡政府", null, "S02", Local(2026, 12, 1, 10)), g.Resolve("安排了保洁员", "C101", Local(2026, 12, 3)),
            g.RecordSatisfaction(Satisfaction.Satisfied, null, "o-MS-G", Local(2026, 12, 4)));
        var i = bed.Entry("MS-I", "V0101", "青岩村", "想把宅基地换到镇上", Local(2026, 12, 2, 9));
        store.Save(i, i.CloseUnresolved("政策不允许", "S02", Local(2026, 12, 3)));
        bed.Entry("MS-H", "V0102", "上寨村", "上寨村的水渠塌了", Local(2026, 10, 1, 9));

        var cadre = bed.Identity("C101");
        if (cadre.Role != Role.Cadre)
        {
            bed.Bound("C101", Role.Cadre);
            cadre = bed.Identity("C101");
        }

        Assert.True(bed.Get<VisitService>().LogVisit(cadre, new LogVisitRequest("H0101001", Local(2026, 12, 5, 10), VisitKind.HomeVisit)).Logged);
    }
}
