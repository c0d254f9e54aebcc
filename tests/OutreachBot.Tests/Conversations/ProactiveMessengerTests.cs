using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Conversations;
using OutreachBot.Tests.Support;

namespace OutreachBot.Tests.Conversations;

public sealed class ProactiveMessengerTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_notice_reaches_a_user_who_wrote_before_even_after_a_restart()
    {
        await using var listener = await ReplyListener.StartAsync();
        await using (var first = new BotTestHost(_folder.File("bot.db")))
        {
            var hello = Activities.Message("你好", user: "villager-7", conversation: "c-7", channel: "emulator");
            hello["serviceUrl"] = listener.ServiceUrl;
            using var response = await first.PostAsync(hello);
            await listener.NextReplyAsync();
        }

        await using var second = new BotTestHost(_folder.File("bot.db"));
        _ = second.CreateClient();
        var messenger = second.Services.GetRequiredService<ProactiveMessenger>();

        var result = await messenger.NotifyAsync("emulator", "villager-7", new Notice("您反映的事已经办好了。"));
        var notice = await listener.NextReplyAsync();

        Assert.Equal(NoticeResult.Sent, result);
        Assert.Equal("您反映的事已经办好了。", (string?)notice["text"]);
        Assert.Equal("c-7", (string?)notice["conversation"]?["id"]);
    }

    [Fact]
    public async Task A_notice_the_channel_cannot_deliver_is_reported_as_failed_not_sent()
    {
        await using var host = new BotTestHost(_folder.File("bot.db"));
        _ = host.CreateClient();
        host.Services.GetRequiredService<IConversationReferences>().Remember(new Microsoft.Bot.Schema.ConversationReference
        {
            ChannelId = "emulator",
            ServiceUrl = "http://127.0.0.1:9/",
            Conversation = new Microsoft.Bot.Schema.ConversationAccount(id: "c-8"),
            User = new Microsoft.Bot.Schema.ChannelAccount("villager-8"),
            Bot = new Microsoft.Bot.Schema.ChannelAccount("outreachbot"),
        }, DateTimeOffset.UtcNow);

        var result = await host.Services.GetRequiredService<ProactiveMessenger>().NotifyAsync("emulator", "villager-8", new Notice("会议改到下周三了。"));

        Assert.Equal(NoticeResult.Failed, result);
    }

    [Fact]
    public async Task A_user_who_never_wrote_cannot_be_reached_and_the_caller_is_told()
    {
        await using var host = new BotTestHost(_folder.File("bot.db"));
        _ = host.CreateClient();

        var result = await host.Services.GetRequiredService<ProactiveMessenger>().NotifyAsync("emulator", "nobody", new Notice("你好"));

        Assert.Equal(NoticeResult.NoConversation, result);
    }
}
