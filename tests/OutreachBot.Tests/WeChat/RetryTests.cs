using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Tests.Support;
using OutreachBot.WeChat.Simulator;

namespace OutreachBot.Tests.WeChat;

/// <summary>
/// WeChat delivers an unanswered message up to three times. Each MsgId (for events: sender and CreateTime) runs the
/// bot once; a retry gets the same passive reply, whether the first delivery is still running, has finished, or was
/// taken in before a restart.
/// </summary>
public sealed class RetryTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private FakeWeChatApi _api = null!;

    public async Task InitializeAsync() => _api = await FakeWeChatApi.StartAsync();

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_retry_while_the_first_delivery_is_still_running_waits_and_gets_the_same_reply()
    {
        var recorder = new Recorder();
        var slow = new Gate("路灯坏了");
        var logs = new CapturedLogs();
        await using var host = WeChatTesting.Host(_folder.File("bot.db"), _api, services: s =>
        {
            s.AddSingleton<IMiddleware>(recorder);
            s.AddSingleton<IMiddleware>(slow);
            s.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logs);
        });
        var phone = host.Phone("o-retry-running", safeMode: true);
        var message = phone.Text("路灯坏了");

        var first = phone.SendAsync(message);
        await slow.Entered.WaitAsync(TimeSpan.FromSeconds(10));
        var retry = phone.SendAsync(message);
        await WaitUntil(() => logs.Lines.Any(l => l.Contains("still running", StringComparison.Ordinal)));
        slow.Release();
        var replies = await Task.WhenAll(first, retry);

        Assert.Equal(1, recorder.Count("路灯坏了"));
        Assert.NotNull(replies[0].Text);
        Assert.Equal(replies[0].Text, replies[1].Text);
        Assert.Empty(_api.CustomMessages);
    }

    [Fact]
    public async Task A_retry_after_the_first_delivery_was_answered_gets_the_same_reply_without_a_second_turn()
    {
        var recorder = new Recorder();
        await using var host = WeChatTesting.Host(_folder.File("bot.db"), _api, services: s => s.AddSingleton<IMiddleware>(recorder));
        var phone = host.Phone("o-retry-done", safeMode: true);
        var message = phone.Text("我家低保的事");

        var first = await phone.SendAsync(message);
        var second = await phone.SendAsync(message);
        var third = await phone.SendAsync(message);

        Assert.Equal(1, recorder.Count("我家低保的事"));
        Assert.NotNull(first.Text);
        Assert.Equal(first.Text, second.Text);
        Assert.Equal(first.Text, third.Text);
    }

    [Fact]
    public async Task A_retry_of_a_late_turn_gets_success_and_the_reply_goes_through_the_api_once()
    {
        var recorder = new Recorder();
        var slow = new Gate("慢慢办");
        await using var host = WeChatTesting.Host(_folder.File("bot.db"), _api, TimeSpan.FromSeconds(1), s =>
        {
            s.AddSingleton<IMiddleware>(recorder);
            s.AddSingleton<IMiddleware>(slow);
        });
        var phone = host.Phone("o-retry-late", safeMode: true);
        var message = phone.Text("慢慢办");

        var first = await phone.SendAsync(message);
        var retry = await phone.SendAsync(message);
        slow.Release();
        await _api.NextCustomAsync();
        await Task.Delay(300);

        Assert.True(first.IsSuccess && retry.IsSuccess);
        Assert.Equal(1, recorder.Count("慢慢办"));
        Assert.Single(_api.CustomMessages);
    }

    [Fact]
    public async Task The_same_msg_id_from_two_users_is_two_messages()
    {
        var recorder = new Recorder();
        await using var host = WeChatTesting.Host(_folder.File("bot.db"), _api, services: s => s.AddSingleton<IMiddleware>(recorder));
        var alice = host.Phone("o-user-a", safeMode: true);
        var bob = host.Phone("o-user-b", safeMode: true);
        var fromAlice = alice.Text("同一个编号");
        var fromBob = new PhoneMessage(fromAlice.Fields.Select(f => f.Key == "FromUserName" ? new KeyValuePair<string, string>(f.Key, "o-user-b") : f).ToList());

        await alice.SendAsync(fromAlice);
        await bob.SendAsync(fromBob);

        Assert.Equal(2, recorder.Count("同一个编号"));
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition());
    }

    [Fact]
    public async Task Dedup_holds_across_a_restart_on_the_same_database()
    {
        var path = _folder.File("restart.db");
        var beforeRecorder = new Recorder();
        string? before;
        PhoneMessage message;
        PhoneMessage subscribe;
        await using (var host = WeChatTesting.Host(path, _api, services: s => s.AddSingleton<IMiddleware>(beforeRecorder)))
        {
            var phone = host.Phone("o-restart", safeMode: true);
            message = phone.Text("重启前发的");
            subscribe = phone.Subscribe("village-0427");
            before = (await phone.SendAsync(message)).Text;
            await phone.SendAsync(subscribe);
        }

        var afterRecorder = new Recorder();
        await using var restarted = WeChatTesting.Host(path, _api, services: s => s.AddSingleton<IMiddleware>(afterRecorder));
        var samePhone = restarted.Phone("o-restart", safeMode: true);
        var after = await samePhone.SendAsync(message);
        var subscribeAgain = await samePhone.SendAsync(subscribe);

        Assert.Equal(2, beforeRecorder.Activities.Count);
        Assert.Empty(afterRecorder.Activities);
        Assert.NotNull(before);
        Assert.Equal(before, after.Text);
        Assert.NotNull(subscribeAgain.Text);
    }

    [Fact]
    public async Task A_message_taken_in_by_a_process_that_died_is_run_when_wechat_retries_it()
    {
        var path = _folder.File("died.db");
        PhoneMessage message;
        await using (var host = WeChatTesting.Host(path, _api))
        {
            var phone = host.Phone("o-died", safeMode: true);
            message = phone.Text("我要反映");

            // What kill -9 leaves behind: the delivery claimed by that process, never answered.
            var msgId = message.Fields.First(f => f.Key == "MsgId").Value;
            host.Services.GetRequiredService<LiteDB.ILiteDatabase>().GetCollection("wechat_deliveries").Insert(new LiteDB.BsonDocument
            {
                ["_id"] = $"m|o-died|{msgId}",
                ["Process"] = "a-process-that-died",
                ["Finished"] = false,
                ["ExpiresAtMs"] = DateTimeOffset.UtcNow.AddMinutes(30).ToUnixTimeMilliseconds(),
            });
        }

        var recorder = new Recorder();
        await using var restarted = WeChatTesting.Host(path, _api, services: s => s.AddSingleton<IMiddleware>(recorder));
        var retry = await restarted.Phone("o-died", safeMode: true).SendAsync(message);

        Assert.Single(recorder.Activities);
        Assert.StartsWith("您要反映哪方面的事？", retry.Text, StringComparison.Ordinal);
    }
}
