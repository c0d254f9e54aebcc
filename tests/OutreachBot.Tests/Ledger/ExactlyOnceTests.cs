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
    public async Task The_same_message_delivered_twice_is_processed_once_and_answered_again()
    {
        await using var host = new BotTestHost(_folder.File("bot.db"));
        foreach (var text in UpToReview)
        {
            await host.SendAsync(text, user: "v1", conversation: "v1");
        }

        var confirm = Activities.Message("对", user: "v1", conversation: "v1");
        var first = await Send(host, confirm);
        var again = await Send(host, (JObject)confirm.DeepClone());

        var entry = Assert.Single(host.Services.GetRequiredService<ILedgerStore>().All());
        Assert.Contains($"您的编号是 {entry.Id}", first.ToString(), StringComparison.Ordinal);
        Assert.Equal(Texts(first), Texts(again));
    }

    [Fact]
    public async Task A_message_resent_after_a_later_one_gets_no_answer_and_changes_nothing()
    {
        await using var host = new BotTestHost(_folder.File("bot.db"));
        var opening = Activities.Message("我要反映", user: "v3", conversation: "v3");
        await Send(host, opening);
        var kind = await Send(host, Activities.Message("饮水", user: "v3", conversation: "v3"));

        var late = await Send(host, (JObject)opening.DeepClone());
        var next = await host.SendAsync("井里没水了好几天", user: "v3", conversation: "v3");

        Assert.StartsWith("请说说具体是什么事", Texts(kind)[0], StringComparison.Ordinal);
        Assert.Empty(Texts(late));
        Assert.StartsWith("有照片的话发一张", next[0], StringComparison.Ordinal);
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
        var entry = Assert.Single(host.Services.GetRequiredService<ILedgerStore>().All());
        Assert.Contains($"您的编号是 {entry.Id}", retried.ToString(), StringComparison.Ordinal);
    }

    private static List<string> Texts(JObject response) =>
        [.. ((JArray)response["activities"]!).Select(a => (string?)a["text"] ?? "")];

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
