using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Ledger;
using OutreachBot.Ledger.Forwarding;
using OutreachBot.Tests.Support;

namespace OutreachBot.Tests.Ledger;

/// <summary>The ledger webhook is down for a while, across a restart of the bot: nothing is lost and nothing arrives twice.</summary>
public sealed class WebhookDeliveryTests : IDisposable
{
    private const string Secret = "county-shared-secret";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private BotTestHost Host(string url) => new(_folder.File("bot.db"), new Dictionary<string, string?>
    {
        ["Ledger:Forwarding:Adapters:0"] = "litedb",
        ["Ledger:Forwarding:Adapters:1"] = "webhook",
        ["Ledger:Forwarding:Webhook:Url"] = url,
        ["Ledger:Forwarding:Webhook:Secret"] = Secret,
        ["Ledger:Forwarding:PollInterval"] = "00:00:00.200",
        ["Ledger:Forwarding:FirstRetry"] = "00:00:00.100",
        ["Ledger:Forwarding:MaxRetry"] = "00:00:00.400",
    });

    private static readonly string[] Raise = ["我要反映", "饮水", "自来水停了好几天了", "跳过", "跳过", "青岩村", "跳过"];

    [Fact]
    public async Task Entries_raised_while_the_webhook_is_down_arrive_exactly_once_after_it_recovers_across_a_restart()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Secret);
        receiver.Down = true;
        var raised = new List<string>();

        await using (var host = Host(receiver.Url))
        {
            for (var villager = 1; villager <= 3; villager++)
            {
                foreach (var answer in Raise)
                {
                    await host.SendAsync(answer, user: $"villager-{villager}", conversation: $"c-{villager}");
                }

                var watch = Stopwatch.StartNew();
                var reply = string.Concat(await host.SendAsync("对", user: $"villager-{villager}", conversation: $"c-{villager}"));
                watch.Stop();
                Assert.Contains("已经登记好了", reply, StringComparison.Ordinal);
                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), "the villager is answered at once, whatever the webhook does");
            }

            raised.AddRange(host.Services.GetRequiredService<ILedgerStore>().All().Select(e => e.Id));
            await WaitUntil(() => receiver.Refused >= 3);
            var outbox = host.Services.GetRequiredService<ILedgerOutbox>();
            var stuck = outbox.Stuck(TimeSpan.FromHours(1));
            Assert.NotEmpty(stuck);
            Assert.All(stuck, r => Assert.Contains("503", r.LastError, StringComparison.Ordinal));
        }

        Assert.Equal(3, raised.Count);
        Assert.Empty(receiver.Accepted);

        receiver.Down = false;
        await using (var restarted = Host(receiver.Url))
        {
            _ = restarted.CreateClient();
            var expected = raised.SelectMany(id => new[] { $"{id}/created", $"{id}/1" }).ToList();
            await WaitUntil(() => expected.All(receiver.Accepted.ContainsKey));
            await Task.Delay(1000);

            Assert.All(expected, key => Assert.Equal(1, receiver.Accepted[key]));
            Assert.Equal(expected.Count, receiver.Accepted.Count);
            Assert.Equal(0, receiver.BadSignatures);
            Assert.Empty(restarted.Services.GetRequiredService<ILedgerOutbox>().Pending());
        }
    }

    [Fact]
    public async Task A_forwarding_pass_that_fails_outside_a_delivery_does_not_stop_forwarding()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Secret);
        var clock = new FailsOnceInForwarding();
        await using var host = new BotTestHost(_folder.File("bot.db"), new Dictionary<string, string?>
        {
            ["Ledger:Forwarding:Adapters:0"] = "webhook",
            ["Ledger:Forwarding:Webhook:Url"] = receiver.Url,
            ["Ledger:Forwarding:Webhook:Secret"] = Secret,
            ["Ledger:Forwarding:PollInterval"] = "00:00:00.200",
        }, services: s => s.AddSingleton<TimeProvider>(clock));

        foreach (var answer in Raise)
        {
            await host.SendAsync(answer, user: "villager-9", conversation: "c-9");
        }

        await host.SendAsync("对", user: "villager-9", conversation: "c-9");
        var id = Assert.Single(host.Services.GetRequiredService<ILedgerStore>().All()).Id;

        await WaitUntil(() => receiver.Accepted.ContainsKey($"{id}/created"));
        Assert.Equal(1, clock.Failed);
    }

    /// <summary>Throws once when the forwarding loop reads the time: a stand-in for the database failing under it.</summary>
    private sealed class FailsOnceInForwarding : TimeProvider
    {
        private int _failed;

        public int Failed => Volatile.Read(ref _failed);

        public override DateTimeOffset GetUtcNow() =>
            Environment.StackTrace.Contains(nameof(OutboxDispatcher.DeliverDueAsync), StringComparison.Ordinal) && Interlocked.CompareExchange(ref _failed, 1, 0) == 0
                ? throw new IOException("the disk hiccuped")
                : base.GetUtcNow();
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(100);
        }
    }
}
