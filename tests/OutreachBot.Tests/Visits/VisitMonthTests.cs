using OutreachBot.Tests.Roster;
using OutreachBot.Time;
using OutreachBot.Visits;

namespace OutreachBot.Tests.Visits;

/// <summary>"This month" is the calendar month in Asia/Shanghai, not in UTC or the server's zone.</summary>
public sealed class VisitMonthTests
{
    private static readonly DateTimeOffset ShanghaiDecemberFirst = DateTimeOffset.Parse("2026-11-30T17:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Eleven_thirty_at_night_utc_on_november_30th_is_already_december_in_shanghai()
    {
        var month = CalendarMonth.Of(ShanghaiDecemberFirst);

        Assert.Equal(new CalendarMonth(2026, 12), month);
        Assert.Equal(DateTimeOffset.Parse("2026-11-30T16:00:00Z", System.Globalization.CultureInfo.InvariantCulture), month.Start);
        Assert.Equal(new CalendarMonth(2026, 11), CalendarMonth.Of(month.Start.AddTicks(-1)));
        Assert.Equal(new DateOnly(2026, 12, 1), ChinaTime.DateOf(ShanghaiDecemberFirst));
    }

    [Fact]
    public void At_one_in_the_morning_of_december_1st_a_visit_of_the_evening_before_is_last_month()
    {
        using var county = new DemoCounty(ShanghaiDecemberFirst);
        var cadre = county.Cadre("C101");
        county.Visits.LogVisit(cadre, new LogVisitRequest("H0101001", ShanghaiDecemberFirst.AddHours(-2), VisitKind.HomeVisit));
        county.Visits.LogVisit(cadre, new LogVisitRequest("H0101002", ShanghaiDecemberFirst, VisitKind.HomeVisit));

        var mine = county.Visits.MyHouseholds(cadre);
        var december = county.Visits.MonthSummary(cadre);
        var november = county.Visits.MonthSummary(cadre, new CalendarMonth(2026, 11));

        Assert.Equal(new CalendarMonth(2026, 12), mine.Month);
        Assert.False(mine.Households.Single(h => h.Household.Id == "H0101001").VisitedThisMonth);
        Assert.True(mine.Households.Single(h => h.Household.Id == "H0101002").VisitedThisMonth);
        Assert.Equal((1, 1), (december.Visits, december.HouseholdsCovered));
        Assert.Equal((1, 1), (november.Visits, november.HouseholdsCovered));
    }

    [Fact]
    public void The_month_summary_counts_visits_by_kind_and_lists_who_is_not_visited()
    {
        using var county = new DemoCounty(new DateTimeOffset(2026, 12, 20, 18, 0, 0, TimeSpan.FromHours(8)));
        var cadre = county.Cadre("C101");
        var day = new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.FromHours(8));
        foreach (var (household, kind) in new[] { ("H0101001", VisitKind.HomeVisit), ("H0101001", VisitKind.Relief), ("H0101002", VisitKind.HomeVisit), ("H0101015", VisitKind.FieldStay) })
        {
            Assert.True(county.Visits.LogVisit(cadre, new LogVisitRequest(household, day, kind)).Logged);
        }

        county.Visits.LogVisit(cadre, new LogVisitRequest("H0101003", new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.FromHours(8)), VisitKind.HomeVisit));
        var month = county.Visits.MonthSummary(cadre);

        Assert.Equal(4, month.Visits);
        Assert.Equal(2, month.ByKind[VisitKind.HomeVisit]);
        Assert.Equal(1, month.ByKind[VisitKind.Relief]);
        Assert.Equal(1, month.ByKind[VisitKind.FieldStay]);
        Assert.Equal(3, month.HouseholdsCovered);
        Assert.Equal(8, month.PairedHouseholds);
        Assert.Equal(6, month.NotVisited.Count);
        Assert.Contains(month.NotVisited, h => h.HeadName == "唐正全");
        Assert.Equal(
            """
            林文涛，2026年12月走访 4 次
            入户走访 2 次、慰问 1 次、蹲点调研 1 次
            走访了 3 户；联系户 8 户
            还没走访（6 户）：
            1. 冯秀英（青岩村一组）
            2. 唐正全（青岩村三组）
            3. 张秀英（青岩村三组）
            4. 王国华（青岩村三组）
            5. 蒲文秀（青岩村三组）
            6. 郭世平（青岩村二组）
            """.ReplaceLineEndings("\n"),
            county.Replies.MonthSummary(month).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_month_without_visits_says_so_and_lists_every_household()
    {
        using var county = new DemoCounty();

        var text = county.Replies.MonthSummary(county.Visits.MonthSummary(county.Cadre("C101")));

        Assert.StartsWith("林文涛，2026年12月还没有走访记录。", text, StringComparison.Ordinal);
        Assert.Contains("还没走访（8 户）：", text, StringComparison.Ordinal);
        Assert.Contains("8. ", text, StringComparison.Ordinal);
    }
}
