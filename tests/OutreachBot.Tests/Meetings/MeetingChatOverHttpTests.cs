using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OutreachBot.Ledger;
using OutreachBot.Tests.Support;
using static OutreachBot.Tests.Meetings.MeetingBed;

namespace OutreachBot.Tests.Meetings;

/// <summary>
/// As a new user would, over /api/messages with deliveryMode expectReplies: the demo staff member 李晓红 (demo-staff,
/// 青岩乡) asks 下次会议 on Friday 27 November 2026 at 10:00, the day of 青岩村's meeting.
/// </summary>
public sealed class MeetingChatOverHttpTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _clock = new(Local(2026, 11, 27, 10));
    private BotTestHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new BotTestHost(_folder.File("bot.db"), new Dictionary<string, string?> { ["Scheduler:Enabled"] = "false" },
            s => s.AddSingleton<TimeProvider>(_clock));
        _ = _host.CreateClient();
        var ledger = _host.Services.GetRequiredService<ILedgerStore>();
        ledger.Save(new LedgerEntry("MS20261120-0001", LedgerBook.LivelihoodRequests, "饮水", "三组的自来水停了三天了", new Reporter("wechat", "o-1"),
            "V0101", "青岩村", Local(2026, 11, 20, 9), Local(2026, 11, 27, 9)));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Demo_staff_asks_for_the_next_meeting_and_gets_its_date_place_and_agenda()
    {
        var menu = await _host.SendAsync("你好", user: "demo-staff", conversation: "c-demo-staff");
        var replies = await _host.SendAsync("下次会议", user: "demo-staff", conversation: "c-demo-staff");

        Assert.Contains("下次会议", Assert.Single(menu));
        var lines = Assert.Single(replies).Split('\n');
        Assert.Equal(
            [
                "下次会议：青岩村“五个一”联席会议",
                "时间：11月27日（周五）14:00（4 小时后）",
                "地点：青岩村村委会会议室",
                "议程：未办结 1 条，其中超期 1 条；本月还没走访 20 户。",
                "1. 【超期】民生诉求·饮水：三组的自来水停了三天了（7 天前登记）",
            ],
            lines.Take(5));
        Assert.Contains("发“会议议程”看全部。", lines);
        Assert.Equal(["接下来还有：", "· 上寨村 12月30日（周三）09:30", "· 花椒坪村 12月31日（周四）14:00"], lines.TakeLast(3));
    }

    [Fact]
    public async Task A_villager_who_asks_is_told_who_may_use_it()
    {
        var replies = await _host.SendAsync("下次会议", user: "villager-9", conversation: "c-villager-9");

        Assert.Contains("“下次会议”只有帮扶干部、工作人员可以用", Assert.Single(replies));
    }
}
