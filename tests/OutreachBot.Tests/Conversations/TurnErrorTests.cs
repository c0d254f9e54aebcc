using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Conversations;
using OutreachBot.Tests.Support;

namespace OutreachBot.Tests.Conversations;

public sealed class TurnErrorTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_failing_turn_is_answered_kindly_and_the_next_message_is_served()
    {
        await using var bot = new BotHarness(_folder.File("bot.db"), services: s => s.AddSingleton<IMiddleware>(new FailingStep("坏消息")));

        await bot.Flow()
            .Send("坏消息").AssertReply(a => Assert.Contains("已经记下了", a.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("你好").AssertReply(a => Assert.DoesNotContain("记下了", a.AsMessageActivity().Text, StringComparison.Ordinal))
            .StartTestAsync();
    }

    [Fact]
    public async Task A_second_failure_in_a_row_clears_the_conversation_so_the_user_is_not_wedged()
    {
        await using var bot = new BotHarness(_folder.File("bot.db"), services: s => s.AddSingleton<IMiddleware>(new FailingStep("坏消息")));

        await bot.Flow()
            .Send("你好").AssertReply(_ => { })
            .Send("坏消息").AssertReply(a => Assert.Contains("已经记下了", a.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("坏消息").AssertReply(a => Assert.Contains("重新开始", a.AsMessageActivity().Text, StringComparison.Ordinal))
            .StartTestAsync();

        var kept = bot.Services.GetRequiredService<IFailedTurns>().Recent(10);
        Assert.Equal(2, kept.Count(t => t.Text == "坏消息"));
    }

    [Fact]
    public async Task When_the_database_itself_fails_the_user_is_still_answered_and_told_nothing_was_kept()
    {
        await using var bot = new BotHarness(_folder.File("bot.db"));
        await bot.Flow().Send("你好").AssertReply(_ => { }).StartTestAsync();
        bot.Services.GetRequiredService<LiteDB.ILiteDatabase>().Dispose();

        await bot.Flow()
            .Send("我要反映").AssertReply(a => Assert.Contains("没能保存", a.AsMessageActivity().Text, StringComparison.Ordinal))
            .StartTestAsync();
    }

    private sealed class FailingStep(string text) : IMiddleware
    {
        public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default) =>
            turnContext.Activity.Text == text ? throw new InvalidOperationException("step failed") : next(cancellationToken);
    }
}
