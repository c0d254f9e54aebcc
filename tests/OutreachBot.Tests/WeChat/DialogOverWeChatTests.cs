using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using OutreachBot.Conversations;
using OutreachBot.Identity;
using OutreachBot.Ledger;
using OutreachBot.Tests.Support;

namespace OutreachBot.Tests.WeChat;

/// <summary>
/// A villager on WeChat goes through the whole raise-problem dialog over /wechat — text, a photo message and a
/// location message — and gets a tracking number; the entry keeps the photo's URL and the shared place.
/// </summary>
public sealed class DialogOverWeChatTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private FakeWeChatApi _api = null!;
    private BotTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeWeChatApi.StartAsync();
        _host = WeChatTesting.Host(_folder.File("bot.db"), _api);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_villager_raises_a_problem_entirely_over_wechat_with_a_photo_and_a_location()
    {
        var phone = _host.Phone("o-raising", safeMode: true);

        var kind = await phone.SendAsync(phone.Text("我要反映"));
        var what = await phone.SendAsync(phone.Text("道路交通"));
        var photo = await phone.SendAsync(phone.Voice("村口的小桥被洪水冲垮了一半"));
        var place = await phone.SendAsync(phone.Image("http://mmbiz.qpic.cn/mmbiz_jpg/bridge.jpg"));
        var village = await phone.SendAsync(phone.Location(32.9101, 104.2402, "青岩村村口"));
        var phoneNumber = await phone.SendAsync(phone.Text("青岩村"));
        var review = await phone.SendAsync(phone.Text("13812345678"));
        var done = await phone.SendAsync(phone.Text("对"));

        Assert.StartsWith("您要反映哪方面的事？", kind.Text, StringComparison.Ordinal);
        Assert.StartsWith("请说说具体是什么事", what.Text, StringComparison.Ordinal);
        Assert.StartsWith("有照片的话发一张", photo.Text, StringComparison.Ordinal);
        Assert.StartsWith("事情在什么地方？", place.Text, StringComparison.Ordinal);
        Assert.StartsWith("您是哪个村的？", village.Text, StringComparison.Ordinal);
        Assert.StartsWith("留个手机号", phoneNumber.Text, StringComparison.Ordinal);
        Assert.Contains("4. 地点：青岩村村口", review.Text, StringComparison.Ordinal);
        Assert.Matches(@"您的编号是 MS\d{8}-\d{4}", done.Text);
        var entry = Assert.Single(_host.Services.GetRequiredService<ILedgerStore>().All());
        Assert.Equal("村口的小桥被洪水冲垮了一半", entry.Description);
        Assert.Equal(["http://mmbiz.qpic.cn/mmbiz_jpg/bridge.jpg"], entry.Photos);
        Assert.Equal("32.9101,104.2402 青岩村村口", entry.Location);
        Assert.Equal("wechat", entry.Reporter.ChannelId);
    }

    [Fact]
    public async Task A_villager_on_wechat_hears_the_result_and_is_asked_whether_satisfied_when_the_entry_is_closed()
    {
        var phone = _host.Phone("o-following", safeMode: true);
        foreach (var text in new[] { "我要反映", "道路交通", "村口的小桥被洪水冲垮了一半", "跳过", "跳过", "青岩村", "13812345678", "对" })
        {
            await phone.SendAsync(phone.Text(text));
        }

        var entry = Assert.Single(_host.Services.GetRequiredService<ILedgerStore>().All());
        var staff = new UserIdentity("test", "demo-staff", Role.Staff, "S02");
        var closed = _host.Services.GetRequiredService<LedgerService>().Resolve(staff, entry.Id, "桥已修好");
        var sent = await _host.Services.GetRequiredService<FollowUps>().AfterCloseOutAsync(closed, CancellationToken.None);

        Assert.Equal(NoticeResult.Sent, sent);
        var notice = await _api.NextCustomAsync();
        var question = await _api.NextCustomAsync();
        Assert.Contains(entry.Id, notice.Text, StringComparison.Ordinal);
        Assert.Contains("桥已修好", notice.Text, StringComparison.Ordinal);
        Assert.Contains("满意", question.Text, StringComparison.Ordinal);
        var answered = await phone.SendAsync(phone.Text("1"));
        Assert.Contains("谢谢", answered.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Conversation_state_is_kept_per_open_id_across_turns()
    {
        var phone = _host.Phone("o-counting", safeMode: true);

        await phone.SendAsync(phone.Text("一"));
        await phone.SendAsync(phone.Text("二"));
        await phone.SendAsync(phone.Text("三"));

        var storage = _host.Services.GetRequiredService<IStorage>();
        var state = (IDictionary<string, object>)(await storage.ReadAsync(["wechat/conversations/o-counting"]))["wechat/conversations/o-counting"];
        Assert.Equal(3, ((ConversationInfo)state[nameof(ConversationInfo)]).Messages);
    }
}
