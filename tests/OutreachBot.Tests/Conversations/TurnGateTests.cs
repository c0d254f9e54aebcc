using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Conversations;
using OutreachBot.Tests.Support;

namespace OutreachBot.Tests.Conversations;

public sealed class TurnGateTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Messages_of_one_conversation_arriving_together_are_processed_one_after_the_other()
    {
        await using var host = new BotTestHost(_folder.File("bot.db"));
        const int messages = 20;

        var replies = await Task.WhenAll(Enumerable.Range(0, messages).Select(i => host.SendAsync($"消息{i}", conversation: "burst")));

        Assert.All(replies, r => Assert.DoesNotContain("出了点问题", string.Concat(r), StringComparison.Ordinal));
        var storage = host.Services.GetRequiredService<IStorage>();
        var state = (IDictionary<string, object>)(await storage.ReadAsync(["test/conversations/burst"]))["test/conversations/burst"];
        Assert.Equal(messages, ((ConversationInfo)state[nameof(ConversationInfo)]).Messages);
    }

    [Fact]
    public async Task Different_conversations_do_not_wait_for_each_other()
    {
        var gate = new TurnGate(new TurnFailures());
        var adapterA = new Microsoft.Bot.Builder.Adapters.TestAdapter(Microsoft.Bot.Builder.Adapters.TestAdapter.CreateConversation("a"));
        var adapterB = new Microsoft.Bot.Builder.Adapters.TestAdapter(Microsoft.Bot.Builder.Adapters.TestAdapter.CreateConversation("b"));
        adapterA.Use(gate);
        adapterB.Use(gate);
        var releaseA = new TaskCompletionSource();

        var slowA = adapterA.SendTextToBotAsync("慢", async (_, _) => await releaseA.Task, CancellationToken.None);
        var fastB = adapterB.SendTextToBotAsync("快", (_, _) => Task.CompletedTask, CancellationToken.None);

        Assert.Same(fastB, await Task.WhenAny(fastB, Task.Delay(TimeSpan.FromSeconds(5))));
        releaseA.SetResult();
        await slowA;
    }
}
