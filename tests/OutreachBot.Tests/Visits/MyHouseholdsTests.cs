using OutreachBot.Tests.Roster;
using OutreachBot.Time;
using OutreachBot.Visits;

namespace OutreachBot.Tests.Visits;

/// <summary>A cadre sends "我的联系户".</summary>
public sealed class MyHouseholdsTests : IDisposable
{
    private readonly DemoCounty _county = new(new DateTimeOffset(2026, 12, 10, 9, 0, 0, TimeSpan.FromHours(8)));

    public void Dispose() => _county.Dispose();

    [Fact]
    public void My_households_lists_the_last_visit_in_words_and_who_is_not_visited_this_month()
    {
        var cadre = _county.Cadre("C101");
        var now = _county.Clock.GetUtcNow();
        Log(cadre, "H0101002", now.AddDays(-3));
        Log(cadre, "H0101003", now.AddDays(-3).AddHours(-5));
        Log(cadre, "H0101003", now.AddDays(-1));
        Log(cadre, "H0101004", now.AddDays(-40));
        Log(_county.Cadre("C001"), "H0101005", now.AddDays(-2));

        var text = _county.Replies.MyHouseholds(_county.Visits.MyHouseholds(cadre));

        Assert.Equal(
            """
            林文涛，您的联系户共 8 户，本月已走访 2 户：
            1. 冯秀英（青岩村一组）：还没走访过
            2. 王国华（青岩村三组）：还没走访过
            3. 王德明（青岩村二组）：还没走访过
            4. 蒲文秀（青岩村三组）：还没走访过
            5. 郭世平（青岩村二组）：还没走访过
            6. 张秀英（青岩村三组）：1 个月前走访
            7. 李桂兰（青岩村一组）：3 天前走访
            8. 唐正全（青岩村三组）：昨天走访
            本月还没走访（6 户）：冯秀英、王国华、王德明、蒲文秀、郭世平、张秀英
            """.ReplaceLineEndings("\n"),
            text.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void When_every_household_is_visited_the_cadre_is_thanked()
    {
        var cadre = _county.Cadre("C101");
        foreach (var household in _county.Roster.HouseholdsOf("C101"))
        {
            Log(cadre, household.Id, _county.Clock.GetUtcNow().AddDays(-3));
        }

        var text = _county.Replies.MyHouseholds(_county.Visits.MyHouseholds(cadre));

        Assert.Contains("本月已走访 8 户", text, StringComparison.Ordinal);
        Assert.EndsWith("本月联系户都走访过了，辛苦了！", text, StringComparison.Ordinal);
        Assert.Equal(8, text.Split('\n').Count(l => l.Contains("3 天前走访", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_long_list_stays_short_enough_for_a_phone()
    {
        foreach (var household in _county.Roster.HouseholdsIn("V0102"))
        {
            _county.Roster.Pair("C101", household.Id, _county.Clock.GetUtcNow());
        }

        var text = _county.Replies.MyHouseholds(_county.Visits.MyHouseholds(_county.Cadre("C101")));

        Assert.Contains("您的联系户共 26 户", text, StringComparison.Ordinal);
        Assert.Contains($"{VisitReplies.MaxLines}. ", text, StringComparison.Ordinal);
        Assert.DoesNotContain($"{VisitReplies.MaxLines + 1}. ", text, StringComparison.Ordinal);
        Assert.Contains("……还有 11 户没列出", text, StringComparison.Ordinal);
        Assert.Contains("本月还没走访（26 户）：", text, StringComparison.Ordinal);
        Assert.Contains(" 等", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Tags_and_phone_numbers_never_appear_in_the_list()
    {
        var text = _county.Replies.MyHouseholds(_county.Visits.MyHouseholds(_county.Cadre("C101")));

        Assert.DoesNotContain("残疾", text, StringComparison.Ordinal);
        Assert.DoesNotContain("低保", text, StringComparison.Ordinal);
        Assert.DoesNotContain("138", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cadre_without_households_is_told_whom_to_ask()
    {
        var nobody = new CadreHouseholds("C9", "测试", new CalendarMonth(2026, 12), []);

        Assert.Equal("您还没有结对的联系户。如有疑问，请联系乡镇工作人员。", _county.Replies.MyHouseholds(nobody));
    }

    private void Log(OutreachBot.Identity.UserIdentity who, string householdId, DateTimeOffset at) =>
        Assert.True(_county.Visits.LogVisit(who, new LogVisitRequest(householdId, at, VisitKind.HomeVisit)).Logged);
}
