using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using OutreachBot.Ledger;
using OutreachBot.Tests.Support;

namespace OutreachBot.Tests.Ledger;

/// <summary>A message delivered twice, or a turn that dies after saving its entry, never raises the entry twice.</summary>
public sealed class ExactlyOnceTests : IDisposable
{
    private static readonly string[] UpToReview = ["我要反映", "饮水", "井里没水了好几天", "跳过", "跳过", "青岩村", "跳过"];
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static async Task<JObject> Send(BotTestHost host, JObject activity)
    {
        activity["deliveryMode"] = "expectReplies";
        using var response = await host.PostAsync(activity);
        response.EnsureSuccessStatusCode();
        return JObject.Parse(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_same_message_delivered_twice_is_processed_once()
    {
        await using var host = new BotTestHost(_folder.File("bot.db"));
        foreach (var text in UpToReview)
        {
            await host.SendAsync(text, user: "v1", conversation: "v1");
        }

        var confirm = Activities.Message("对", user: "v1", conversation: "v1");
        var first = await Send(host, confirm);
        var again = await Send(host, (JObject)confirm.DeepClone());

        Assert.Contains("已经登记好了", first.ToString(), StringComparison.Ordinal);
        Assert.Empty((JArray)again["activities"]!);
        Assert.Single(host.Services.GetRequiredService<LedgerStore>().All());
    }

    [Fact]
    public async Task A_turn_that_dies_after_saving_its_entry_gives_the_same_entry_when_the_message_comes_again()
    {
        var crash = new CrashWhenSaying("已经登记好了");
        await using var host = new BotTestHost(_folder.File("bot.db"), services: s => s.AddSingleton<IMiddleware>(crash));
        foreach (var text in UpToReview)
        {
            await host.SendAsync(text, user: "v2", conversation: "v2");
        }

        var confirm = Activities.Message("对", user: "v2", conversation: "v2");
        var died = await Send(host, confirm);
        var retried = await Send(host, (JObject)confirm.DeepClone());

        Assert.Contains("记下了", died.ToString(), StringComparison.Ordinal);
        var entry = Assert.Single(host.Services.GetRequiredService<LedgerStore>().All());
        Assert.Contains($"您的编号是 {entry.Id}", retried.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Fails the first turn that tries to send a reply containing the text, after the action has saved.</summary>
    private sealed class CrashWhenSaying(string text) : IMiddleware
    {
        private int _crashed;

        public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
        {
            turnContext.OnSendActivities((context, activities, nextSend) =>
                activities.Any(a => a.Text?.Contains(text, StringComparison.Ordinal) == true) && Interlocked.Exchange(ref _crashed, 1) == 0
                    ? throw new IOException("the process died here")
                    : nextSend());
            return next(cancellationToken);
        }
    }
}
