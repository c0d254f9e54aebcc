using OutreachBot.Identity;
using OutreachBot.Meetings;
using static OutreachBot.Tests.Meetings.MeetingBed;

namespace OutreachBot.Tests.Meetings;

/// <summary>
/// Reminders of 青岩村's meeting (demo calendar: the last Friday of each month, 14:00 in Shanghai; December 2026's is
/// on the 25th, so its reminders are due on the 22nd at 14:00 and the 25th at 12:00): moved, cancelled, across a
/// restart, after downtime, and to people who cannot be reached.
/// </summary>
public sealed class ReminderTests
{
    private const string Qingyan = "V0101";
    private const string December = "202612251400";

    [Fact]
    public async Task A_moved_meeting_is_reminded_at_its_new_time_and_its_old_time_gets_nothing()
    {
        await using var bed = await StartAsync(Local(2026, 12, 20));
        bed.Reachable("C101", Role.Cadre);
        bed.Reachable("S02", Role.Staff);
        bed.Get<MeetingService>().Move(bed.Identity("S02"), Qingyan, December, Local(2026, 12, 30, 10), null);

        var received = Qingyan_(await bed.RunUntilAsync(Local(2027, 1, 1), TimeSpan.FromHours(1)), "C101");

        Assert.Equal(["2026-12-27 10:00", "2026-12-30 08:00"], received.Select(r => r.At));
        Assert.Contains("时间：12月30日（周三）10:00（3 天后）", received[0].Text);
        Assert.Contains("（会议时间改过了，原定 12月25日（周五）14:00）", received[0].Text);
    }

    [Fact]
    public async Task A_meeting_moved_after_its_first_reminder_is_reminded_again_for_the_new_time()
    {
        await using var bed = await StartAsync(Local(2026, 12, 22, 13));
        bed.Reachable("C101", Role.Cadre);
        bed.Reachable("S02", Role.Staff);
        var before = await bed.RunUntilAsync(Local(2026, 12, 23, 9), TimeSpan.FromHours(1));

        bed.Get<MeetingService>().Move(bed.Identity("S02"), Qingyan, December, Local(2026, 12, 26, 10), "村小学会议室");
        var after = await bed.RunUntilAsync(Local(2026, 12, 27), TimeSpan.FromHours(1));

        Assert.Equal(["2026-12-22 14:00"], Qingyan_(before, "C101").Select(r => r.At));
        var moved = Qingyan_(after, "C101");
        Assert.Equal(["2026-12-23 10:00", "2026-12-26 08:00"], moved.Select(r => r.At));
        Assert.Contains("时间：12月26日（周六）10:00（3 天后）", moved[0].Text);
        Assert.Contains("地点：村小学会议室", moved[0].Text);
    }

    [Fact]
    public async Task A_cancelled_meeting_gets_no_reminder_and_the_next_one_does()
    {
        await using var bed = await StartAsync(Local(2027, 1, 1));
        bed.Reachable("C101", Role.Cadre);
        bed.Reachable("S02", Role.Staff);
        bed.Get<MeetingService>().Cancel(bed.Identity("S02"), Qingyan, "202701291400");

        var received = Qingyan_(await bed.RunUntilAsync(Local(2027, 3, 1), TimeSpan.FromHours(1)), "C101");

        Assert.Equal(["2027-02-23 14:00", "2027-02-26 12:00"], received.Select(r => r.At));
        Assert.DoesNotContain(bed.Get<IReminderLog>().All(), r => r.OccurrenceKey == "202701291400" && r.CalendarId == Qingyan);
    }

    [Fact]
    public async Task After_a_restart_between_two_reminders_neither_is_sent_twice()
    {
        await using var bed = await StartAsync(Local(2026, 12, 22, 13));
        bed.Reachable("C101", Role.Cadre);
        bed.Reachable("C201", Role.Cadre);
        var first = await bed.RunUntilAsync(Local(2026, 12, 22, 15), TimeSpan.FromHours(1));

        await bed.RestartAsync();
        var again = await bed.TickAsync();
        var rest = await bed.RunUntilAsync(Local(2026, 12, 26), TimeSpan.FromHours(1));

        Assert.Equal(["C101 2026-12-22 14:00", "C201 2026-12-22 14:00"], Qingyan_(first).Select(r => r.PersonId + " " + r.At));
        Assert.Empty(again);
        Assert.Equal(["C101 2026-12-25 12:00", "C201 2026-12-25 12:00"], Qingyan_(rest).Select(r => r.PersonId + " " + r.At));
    }

    [Fact]
    public async Task A_reminder_claimed_when_the_host_died_mid_send_is_never_sent_again()
    {
        await using var bed = await StartAsync(Local(2026, 12, 22, 13));
        bed.Reachable("C101", Role.Cadre);
        bed.Reachable("C201", Role.Cadre);
        var meeting = bed.Get<IMeetingCalendars>().Find(Qingyan)!.Find(December)!;
        bed.Get<IReminderLog>().TryClaim(new ReminderRecord
        {
            Id = ReminderRecord.IdOf(meeting, TimeSpan.FromDays(3), "C201"),
            CalendarId = Qingyan,
            OccurrenceKey = December,
            Start = meeting.Start,
            Offset = TimeSpan.FromDays(3),
            PersonId = "C201",
            Outcome = ReminderOutcome.Sending,
        });
        await bed.RestartAsync();

        var received = Qingyan_(await bed.RunUntilAsync(Local(2026, 12, 22, 15), TimeSpan.FromHours(1)));

        Assert.Equal(["C101"], received.Select(r => r.PersonId));
    }

    [Fact]
    public async Task A_reminder_missed_while_the_host_was_down_goes_once_late_if_the_meeting_is_still_ahead()
    {
        await using var bed = await StartAsync(Local(2026, 12, 22, 12));
        bed.Reachable("C101", Role.Cadre);
        await bed.TickAsync();

        await bed.RestartAsync();
        bed.Clock.SetUtcNow(Local(2026, 12, 24, 9));
        var late = Qingyan_(await bed.TickAsync());
        var rest = Qingyan_(await bed.RunUntilAsync(Local(2026, 12, 26), TimeSpan.FromHours(1)));

        Assert.Equal(["2026-12-24 09:00"], late.Select(r => r.At));
        Assert.Contains("时间：12月25日（周五）14:00（明天）", late[0].Text);
        Assert.Equal(["2026-12-25 12:00"], rest.Select(r => r.At));
        var record = bed.Get<IReminderLog>().All().Single(r => r.PersonId == "C101" && r.CalendarId == Qingyan && r.Offset == TimeSpan.FromDays(3));
        Assert.True(record.Late);
        Assert.Contains(bed.Logs.Lines, l => l.Contains("sent late", StringComparison.Ordinal) && l.Contains("V0101|202612251400", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reminders_missed_while_the_host_was_down_over_the_meeting_are_dropped_with_a_log_line()
    {
        await using var bed = await StartAsync(Local(2026, 12, 22, 12));
        bed.Reachable("C101", Role.Cadre);
        await bed.TickAsync();

        await bed.RestartAsync();
        bed.Clock.SetUtcNow(Local(2026, 12, 26, 9));
        var afterDowntime = await bed.TickAsync();
        var january = Qingyan_(await bed.RunUntilAsync(Local(2027, 1, 30), TimeSpan.FromHours(1)), "C101");

        Assert.Empty(Qingyan_(afterDowntime));
        var dropped = bed.Logs.Lines.Where(l => l.Contains("dropped", StringComparison.Ordinal) && l.Contains("V0101|202612251400", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, dropped.Count);
        Assert.Equal(2, bed.Get<IReminderLog>().All().Count(r => r.CalendarId == Qingyan && r.Outcome == ReminderOutcome.Dropped));
        Assert.Equal(["2027-01-26 14:00", "2027-01-29 12:00"], january.Select(r => r.At));
    }

    [Fact]
    public async Task People_who_cannot_be_reached_are_recorded_and_listed_in_the_staff_reminder()
    {
        await using var bed = await StartAsync(Local(2026, 12, 22, 13));
        bed.Reachable("S02", Role.Staff);
        bed.Bound("C101", Role.Cadre);

        var received = Qingyan_(await bed.RunUntilAsync(Local(2026, 12, 22, 14), TimeSpan.FromHours(1)));

        var staff = Assert.Single(received);
        Assert.Equal("S02", staff.PersonId);
        Assert.Contains("还联系不上的 4 人：林文涛（没发过消息）、陈浩（没绑定）、谢开明（没绑定）、王剑锋（没绑定）。", staff.Text);
        var records = bed.Get<IReminderLog>().All().Where(r => r.CalendarId == Qingyan).ToDictionary(r => r.PersonId, r => r.Outcome);
        Assert.Equal(ReminderOutcome.NoConversation, records["C101"]);
        Assert.Equal(ReminderOutcome.NotBound, records["C201"]);
        Assert.Equal(ReminderOutcome.Sent, records["S02"]);
    }

    [Fact]
    public async Task Staff_ask_who_the_reminders_did_not_reach()
    {
        await using var bed = await StartAsync(Local(2026, 12, 22, 9));
        bed.Reachable("C101", Role.Cadre);
        var before = await bed.SayAsync("demo-staff", "会议提醒情况");
        var reminded = Qingyan_(await bed.RunUntilAsync(Local(2026, 12, 22, 14), TimeSpan.FromHours(1)));

        var after = await bed.SayAsync("demo-staff", "谁没收到提醒");

        Assert.Equal("还没到发提醒的时候（会前 3 天、2 小时发）。", before);
        Assert.Equal(["C101", "demo-staff"], reminded.Select(r => r.PersonId));
        Assert.Equal(
            """
            青岩村“五个一”联席会议 12月25日（周五）14:00 的提醒：
            已送到 2 人。
            联系不上 3 人：陈浩（没绑定）、谢开明（没绑定）、王剑锋（没绑定）
            """.ReplaceLineEndings("\n").TrimEnd(),
            after);
    }

    [Fact]
    public async Task A_send_the_channel_refuses_is_tried_again_on_later_ticks_up_to_the_limit()
    {
        const string Nowhere = "http://127.0.0.1:9/";
        await using var bed = await StartAsync(Local(2026, 12, 22, 13));
        bed.Reachable("C101", Role.Cadre, Nowhere);
        bed.Reachable("C201", Role.Cadre, Nowhere);

        var failing = await bed.RunUntilAsync(Local(2026, 12, 22, 15), TimeSpan.FromHours(1));
        bed.Reachable("C101", Role.Cadre);
        var later = await bed.RunUntilAsync(Local(2026, 12, 22, 20), TimeSpan.FromHours(1));

        Assert.Empty(Qingyan_(failing));
        Assert.Equal(["C101 2026-12-22 16:00"], Qingyan_(later).Select(r => r.PersonId + " " + r.At));
        var records = bed.Get<IReminderLog>().All().Where(r => r.CalendarId == Qingyan).ToDictionary(r => r.PersonId);
        Assert.Equal((ReminderOutcome.Sent, 3), (records["C101"].Outcome, records["C101"].Attempts));
        Assert.Equal((ReminderOutcome.Failed, 3), (records["C201"].Outcome, records["C201"].Attempts));
    }

    [Fact]
    public async Task A_demo_identity_bound_on_every_channel_is_reminded_where_it_last_wrote()
    {
        await using var bed = await StartAsync(Local(2026, 12, 22, 13));
        bed.Get<OutreachBot.Conversations.IConversationReferences>().Remember(new Microsoft.Bot.Schema.ConversationReference
        {
            ChannelId = Channel,
            ServiceUrl = bed.Listener.ServiceUrl,
            Conversation = new Microsoft.Bot.Schema.ConversationAccount(id: "conv-demo-staff"),
            User = new Microsoft.Bot.Schema.ChannelAccount("demo-staff"),
            Bot = new Microsoft.Bot.Schema.ChannelAccount("outreachbot"),
        }, bed.Clock.GetUtcNow());

        var received = Qingyan_(await bed.RunUntilAsync(Local(2026, 12, 22, 14), TimeSpan.FromHours(1)));

        Assert.Equal(["demo-staff"], received.Select(r => r.PersonId));
        Assert.Equal(ReminderOutcome.Sent, bed.Get<IReminderLog>().All().Single(r => r.CalendarId == Qingyan && r.PersonId == "S02").Outcome);
    }

    /// <summary>The reminders of 青岩村's meeting among those received (other villages' meetings remind S02 too).</summary>
    private static List<Received> Qingyan_(IEnumerable<Received> received, string? personId = null) =>
        [.. received.Where(r => r.Text.StartsWith("【会议提醒】青岩村", StringComparison.Ordinal) && (personId is null || r.PersonId == personId))
            .OrderBy(r => r.At, StringComparer.Ordinal).ThenBy(r => r.PersonId, StringComparer.Ordinal)];
}
