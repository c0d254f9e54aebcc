using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Ledger;
using OutreachBot.Tests.Support;

namespace OutreachBot.Tests.Ledger;

public sealed class LedgerHttpTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_fresh_user_gets_a_tracking_number_in_under_ten_turns_over_api_messages()
    {
        await using var host = new BotTestHost(_folder.File("bot.db"));
        var user = "fresh-" + Guid.NewGuid().ToString("N");
        string[] turns = ["我要反映", "1", "村口那座桥的栏杆断了，很危险", "跳过", "村口的桥", "青岩村", "13912345678", "对"];

        var replies = new List<string>();
        foreach (var text in turns)
        {
            replies.Add(string.Join("\n", await host.SendAsync(text, user: user, conversation: user, channel: "webchat")));
        }

        Assert.True(turns.Length < 10);
        Assert.Matches(@"您的编号是 MS\d{8}-\d{4}", replies[^1]);
        var entry = Assert.Single(host.Services.GetRequiredService<ILedgerStore>().All());
        Assert.Equal("村口那座桥的栏杆断了，很危险", entry.Description);
        Assert.Equal("道路交通", entry.Kind);
        Assert.Equal("13912345678", entry.Reporter.Phone);
        Assert.Equal(EntryStatus.Assigned, entry.Status);
    }

    [Fact]
    public async Task Asked_again_once_after_two_days_without_an_answer()
    {
        await using var runner = new TranscriptRunner();
        foreach (var text in new[] { "我要反映", "饮水", "井水干了没水吃", "跳过", "跳过", "青岩村", "跳过", "对" })
        {
            await runner.SayAsync(text);
        }

        var store = runner.Services.GetRequiredService<ILedgerStore>();
        var entry = store.All().Single();
        var staff = new OutreachBot.Identity.UserIdentity("test", "demo-staff", OutreachBot.Identity.Role.Staff, "S02");
        var service = runner.Services.GetRequiredService<LedgerService>();
        service.Resolve(staff, entry.Id, "打了新井，已经通水");
        var followUps = runner.Services.GetRequiredService<FollowUps>();
        await followUps.AfterCloseOutAsync(store.Find(entry.Id)!, CancellationToken.None);

        runner.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await followUps.RepeatDueAsync(CancellationToken.None));
        runner.Clock.Advance(TimeSpan.FromDays(1.5));
        Assert.Equal(1, await followUps.RepeatDueAsync(CancellationToken.None));
        runner.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(0, await followUps.RepeatDueAsync(CancellationToken.None));

        Assert.Equal(2, store.Find(entry.Id)!.FollowUpsSent);
    }
}
