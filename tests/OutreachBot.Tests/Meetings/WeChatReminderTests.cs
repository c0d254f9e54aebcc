using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OutreachBot.Identity;
using OutreachBot.Meetings;
using OutreachBot.Scheduling;
using OutreachBot.Tests.Support;
using OutreachBot.Tests.WeChat;

namespace OutreachBot.Tests.Meetings;

/// <summary>
/// A cadre who follows the WeChat account and last wrote days ago gets the reminder as the configured template
/// message (the customer-service window is closed), with the meeting, time and place in its fields.
/// </summary>
public sealed class WeChatReminderTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    // WeChat signs requests with the real time, so the fake clock starts now.
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private FakeWeChatApi _api = null!;
    private BotTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeWeChatApi.StartAsync();
        _host = WeChatTesting.Host(_folder.File("bot.db"), _api, services: s => s.AddSingleton<TimeProvider>(_clock),
            settings: new Dictionary<string, string?> { ["Scheduler:Enabled"] = "false" });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Outside_the_48_hour_window_the_reminder_goes_as_the_meeting_template()
    {
        var phone = _host.Phone("o-lin-wentao", safeMode: true);
        _host.Services.GetRequiredService<IBindingStore>().Save(new Binding("wechat", "o-lin-wentao", Role.Cadre, "C101", _clock.GetUtcNow()));
        await phone.SendAsync(phone.Text("你好"));
        var meeting = _host.Services.GetRequiredService<IMeetingCalendars>().Find("V0101")!.Next(_clock.GetUtcNow().AddDays(6))!;
        var scheduler = _host.Services.GetRequiredService<Scheduler>();
        await scheduler.TickAsync();

        _clock.SetUtcNow(meeting.Start - TimeSpan.FromDays(3));
        await scheduler.TickAsync();

        var sent = await _api.NextTemplateAsync();
        var data = sent.Body["data"]!;
        Assert.Equal(("o-lin-wentao", "tmpl-meeting-reminder-01"), (sent.ToUser, sent.TemplateId));
        Assert.Equal("青岩村“五个一”联席会议", (string?)data["keyword1"]!["value"]);
        Assert.Equal(_host.Services.GetRequiredService<MeetingReplies>().When(meeting.Start, OutreachBot.Time.ChinaTime.Zone, _clock.GetUtcNow()), (string?)data["keyword2"]!["value"]);
        Assert.Equal("青岩村村委会会议室", (string?)data["keyword3"]!["value"]);
        Assert.StartsWith("议程：", (string?)data["remark"]!["value"], StringComparison.Ordinal);
        Assert.DoesNotContain(_api.CustomMessages, m => m.ToUser == "o-lin-wentao" && m.Text!.Contains("会议提醒", StringComparison.Ordinal));
        var record = _host.Services.GetRequiredService<IReminderLog>().All().Single(r => r.PersonId == "C101" && r.CalendarId == "V0101");
        Assert.Equal((ReminderOutcome.Sent, "wechat", "o-lin-wentao"), (record.Outcome, record.ChannelId, record.UserId));
    }
}
