using OutreachBot.Meetings;
using static OutreachBot.Tests.Meetings.MeetingBed;

namespace OutreachBot.Tests.Meetings;

/// <summary>Meeting calendars: Cronos rules read in Asia/Shanghai, one-off moves and cancellations, and what is refused.</summary>
public sealed class CalendarTests
{
    private static MeetingCalendar Calendar(string rule) => new("V0101", MeetingScope.Village, "T01", rule, "Asia/Shanghai", "青岩村村委会会议室");

    [Theory]
    [InlineData("0 14 * * 5L", "2027-01-29 14:00|2027-02-26 14:00|2027-03-26 14:00|2027-04-30 14:00")]
    [InlineData("0 10 * * 1#1", "2027-01-04 10:00|2027-02-01 10:00|2027-03-01 10:00|2027-04-05 10:00")]
    [InlineData("0 15 LW * *", "2027-01-29 15:00|2027-02-26 15:00|2027-03-31 15:00|2027-04-30 15:00")]
    [InlineData("30 9 25 * *", "2027-01-25 09:30|2027-02-25 09:30|2027-03-25 09:30|2027-04-25 09:30")]
    public void Rules_are_read_in_shanghai_time(string rule, string expected)
    {
        var meetings = Calendar(rule).Between(Local(2027, 1, 1), Local(2027, 5, 1));

        Assert.Equal(expected.Split('|'), meetings.Select(m => ChinaLocal(m.Start)));
        Assert.All(meetings, m => Assert.Equal(OccurrenceStatus.Scheduled, m.Status));
    }

    [Fact]
    public void A_moved_meeting_keeps_its_name_and_appears_at_its_new_time_only()
    {
        var calendar = Calendar("0 14 * * 5L");

        var moved = calendar.Move("202702261400", Local(2027, 3, 2, 9), "乡政府会议室", "S02", Local(2027, 2, 1));

        Assert.Equal(("202702261400", "2027-03-02 09:00", "乡政府会议室", OccurrenceStatus.Moved), (moved.Key, ChinaLocal(moved.Start), moved.Place, moved.Status));
        Assert.Empty(calendar.Between(Local(2027, 2, 26), Local(2027, 2, 27)));
        Assert.Equal(["2027-03-02 09:00", "2027-03-26 14:00"], calendar.Between(Local(2027, 2, 27), Local(2027, 4, 1)).Select(m => ChinaLocal(m.Start)));
        Assert.Equal("2027-03-02 09:00", ChinaLocal(calendar.Next(Local(2027, 2, 25))!.Start));
    }

    [Fact]
    public void A_cancelled_meeting_is_skipped_unless_asked_for_and_can_be_restored()
    {
        var calendar = Calendar("0 14 * * 5L");
        calendar.Cancel("202701291400", "S02", Local(2027, 1, 1));

        Assert.Equal("2027-02-26 14:00", ChinaLocal(calendar.Next(Local(2027, 1, 2))!.Start));
        Assert.Equal(OccurrenceStatus.Cancelled, calendar.Between(Local(2027, 1, 2), Local(2027, 2, 1), includeCancelled: true).Single().Status);
        Assert.True(calendar.Restore("202701291400"));
        Assert.False(calendar.Restore("202701291400"));
        Assert.Equal("2027-01-29 14:00", ChinaLocal(calendar.Next(Local(2027, 1, 2))!.Start));
    }

    [Theory]
    [InlineData("202701281400")]
    [InlineData("202701291500")]
    [InlineData("not-a-time")]
    public void Only_a_meeting_the_rule_has_can_be_changed(string key)
    {
        var calendar = Calendar("0 14 * * 5L");

        Assert.Null(calendar.Find(key));
        Assert.Throws<MeetingRuleException>(() => calendar.Cancel(key, "S02", Local(2027, 1, 1)));
        Assert.Empty(calendar.Changes);
    }

    [Theory]
    [InlineData("0 14 * * 8", "开会规律")]
    [InlineData("every last friday", "开会规律")]
    [InlineData("", "缺少开会规律")]
    public void A_rule_cronos_cannot_read_is_refused_in_plain_words(string rule, string expected)
    {
        var error = Assert.Throws<MeetingRuleException>(() => Calendar(rule));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_time_zone_is_refused()
    {
        var error = Assert.Throws<MeetingRuleException>(() => new MeetingCalendar("V0101", MeetingScope.Village, "T01", "0 14 * * 5L", "Mars/Olympus", "村委会"));

        Assert.Contains("Mars/Olympus", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], "3.00:00:00|02:00:00")]
    [InlineData(new[] { "-01:00:00", "00:00:00" }, "3.00:00:00|02:00:00")]
    [InlineData(new[] { "01:00:00", "1.00:00:00", "01:00:00" }, "1.00:00:00|01:00:00")]
    public void Reminder_offsets_that_make_no_sense_fall_back_to_the_defaults(string[] configured, string expected)
    {
        var options = new MeetingsOptions { ReminderOffsets = [.. configured.Select(c => TimeSpan.Parse(c, System.Globalization.CultureInfo.InvariantCulture))] };

        Assert.Equal(expected, string.Join('|', options.Offsets.Select(o => o.ToString("c", System.Globalization.CultureInfo.InvariantCulture))));
    }
}
