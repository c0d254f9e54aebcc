using OutreachBot.Identity;
using OutreachBot.Meetings;
using static OutreachBot.Tests.Meetings.MeetingBed;

namespace OutreachBot.Tests.Meetings;

/// <summary>
/// A year of the demo county's meetings on a fake clock ticking every half hour: every reminder goes once, at its
/// local time, across month ends (February, a last Friday that is the 30th of April) and the seeded move of 上寨村's
/// December meeting. The expected dates are computed here from the calendar, not with Cronos.
/// </summary>
public sealed class ReminderYearTests
{
    private static readonly TimeSpan ThreeDays = TimeSpan.FromDays(3);
    private static readonly TimeSpan TwoHours = TimeSpan.FromHours(2);

    [Fact]
    public async Task Every_reminder_of_a_year_goes_once_at_its_local_time()
    {
        await using var bed = await StartAsync(Local(2026, 11, 28));
        bed.Reachable("C101", Role.Cadre);
        bed.Reachable("C201", Role.Cadre);
        bed.Reachable("S02", Role.Staff);

        var received = await bed.RunUntilAsync(Local(2027, 11, 28), TimeSpan.FromMinutes(30));

        var qingyan = Expected(m => LastWeekday(m.Year, m.Month, DayOfWeek.Friday).AddHours(14));
        var shangzhai = Expected(m => m == (2026, 12) ? Local(2026, 12, 30, 9, 30) : LastWeekday(m.Year, m.Month, DayOfWeek.Friday).AddHours(9.5));
        var huajiaoping = Expected(m => LastWeekday(m.Year, m.Month, DayOfWeek.Thursday).AddHours(14));
        Assert.Equal(Lines("青岩村", qingyan), Of(received, "C101"));
        Assert.Equal(Lines("青岩村", qingyan), Of(received, "C201"));
        Assert.Equal(Lines("青岩村", qingyan).Concat(Lines("上寨村", shangzhai)).Concat(Lines("花椒坪村", huajiaoping)).Order(StringComparer.Ordinal), Of(received, "S02"));
        Assert.Equal(24 + 24 + 72, received.Count);
        Assert.Contains(qingyan, r => r == Local(2027, 2, 26, 14));
        Assert.Contains(qingyan, r => r == Local(2027, 4, 30, 14));

        var february = received.Single(r => r.PersonId == "C101" && r.At == "2027-02-23 14:00");
        Assert.Contains("【会议提醒】青岩村“五个一”联席会议", february.Text);
        Assert.Contains("时间：2月26日（周五）14:00（3 天后）", february.Text);
        Assert.Contains("地点：青岩村村委会会议室", february.Text);
        var lastOfApril = received.Single(r => r.PersonId == "C101" && r.At == "2027-04-30 12:00");
        Assert.Contains("时间：4月30日（周五）14:00（2 小时后）", lastOfApril.Text);
        var moved = received.Single(r => r.PersonId == "S02" && r.At == "2026-12-27 09:30");
        Assert.Contains("上寨村“五个一”联席会议", moved.Text);
        Assert.Contains("（会议时间改过了，原定 12月25日（周五）09:30）", moved.Text);
        Assert.Contains("地点：上寨村小学会议室", moved.Text);

        var log = bed.Get<IReminderLog>().All().Where(r => r.PersonId is "C101" or "C201" or "S02").ToList();
        Assert.Equal(120, log.Count);
        Assert.All(log, r => Assert.Equal((ReminderOutcome.Sent, false, 1), (r.Outcome, r.Late, r.Attempts)));
    }

    /// <summary>The meetings of Dec 2026 to Nov 2027 at the times the rule puts them.</summary>
    private static List<DateTimeOffset> Expected(Func<(int Year, int Month), DateTimeOffset> meetingOf)
    {
        var result = new List<DateTimeOffset>();
        for (var month = new DateTime(2026, 12, 1); month < new DateTime(2027, 12, 1); month = month.AddMonths(1))
        {
            result.Add(meetingOf((month.Year, month.Month)));
        }

        return result;
    }

    /// <summary>The last given weekday of a month, at midnight in Shanghai: the last day, stepped back.</summary>
    private static DateTimeOffset LastWeekday(int year, int month, DayOfWeek weekday)
    {
        var day = new DateTime(year, month, DateTime.DaysInMonth(year, month));
        while (day.DayOfWeek != weekday)
        {
            day = day.AddDays(-1);
        }

        return new DateTimeOffset(day, Shanghai);
    }

    /// <summary>"青岩村 2027-02-23 14:00" for each reminder of each meeting: three days and two hours before.</summary>
    private static IEnumerable<string> Lines(string village, IEnumerable<DateTimeOffset> meetings) =>
        meetings.SelectMany(m => new[] { m - ThreeDays, m - TwoHours }).Select(at => village + " " + ChinaLocal(at)).Order(StringComparer.Ordinal);

    private static IEnumerable<string> Of(IEnumerable<Received> received, string personId) =>
        received.Where(r => r.PersonId == personId)
            .Select(r => r.Text.Split('\n')[0].Replace("【会议提醒】", "", StringComparison.Ordinal).Replace("“五个一”联席会议", "", StringComparison.Ordinal) + " " + r.At)
            .Order(StringComparer.Ordinal);
}
