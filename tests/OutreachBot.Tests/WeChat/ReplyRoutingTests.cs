using System.Diagnostics;
using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Conversations;
using OutreachBot.Tests.Support;
using OutreachBot.Texts;

namespace OutreachBot.Tests.WeChat;

/// <summary>
/// Which reply goes back in the HTTP response (passive) and which through the customer-service API: the first reply
/// of a turn that finishes within the budget is passive; the rest, replies of a turn that runs late, and passive texts
/// over 2,048 bytes go through the API, in the order the bot said them.
/// </summary>
public sealed class ReplyRoutingTests : IAsyncLifetime
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(1.5);
    private static readonly string LongText = string.Concat(Enumerable.Repeat("医疗救助政策说明。", 80));

    private readonly TempFolder _folder = new();
    private readonly Gate _slow = new("慢慢办");
    private readonly SpeaksThenWaits _halfway = new("边说边办");
    private FakeWeChatApi _api = null!;
    private BotTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeWeChatApi.StartAsync();
        _host = WeChatTesting.Host(_folder.File("bot.db"), _api, Budget, s =>
        {
            s.AddSingleton<IMiddleware>(_slow);
            s.AddSingleton<IMiddleware>(_halfway);
            s.AddSingleton<IMiddleware>(new Say("办事指南", "第一步：带上身份证。", "第二步：到村委会登记。", "第三步：等工作人员回电话。"));
            s.AddSingleton<IMiddleware>(new Say("政策全文", LongText));
        });
    }

    public async Task DisposeAsync()
    {
        _slow.Release();
        _halfway.Release();
        await _host.DisposeAsync();
        await _api.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task The_first_reply_is_passive_and_the_rest_follow_through_the_api_in_order()
    {
        var phone = _host.Phone("o-guide", safeMode: true);

        var reply = await phone.SendAsync(phone.Text("办事指南"));

        Assert.Equal("第一步：带上身份证。", reply.Text);
        // Well within the 10 s the rest would wait if the passive reply never left: they follow it, not a timeout.
        Assert.Equal("第二步：到村委会登记。", (await _api.NextCustomAsync(TimeSpan.FromSeconds(5))).Text);
        Assert.Equal("第三步：等工作人员回电话。", (await _api.NextCustomAsync(TimeSpan.FromSeconds(5))).Text);
        Assert.All(_api.CustomMessages, m => Assert.Equal("o-guide", m.ToUser));
    }

    [Fact]
    public async Task A_turn_that_runs_past_the_budget_is_answered_success_and_replies_through_the_api()
    {
        var phone = _host.Phone("o-slow", safeMode: true);
        var watch = Stopwatch.StartNew();

        var reply = await phone.SendAsync(phone.Text("慢慢办"));
        watch.Stop();
        _slow.Release();
        var late = await _api.NextCustomAsync();

        Assert.True(reply.IsSuccess, reply.Body);
        Assert.Equal("success", reply.Body);
        Assert.InRange(watch.Elapsed, Budget - TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(4.5));
        Assert.StartsWith(_host.Services.GetRequiredService<TextCatalog>()[ConversationTexts.NotUnderstood], late.Text, StringComparison.Ordinal);
        Assert.Equal("o-slow", late.ToUser);
    }

    [Fact]
    public async Task What_a_late_turn_said_before_the_budget_goes_first_then_what_it_says_after()
    {
        var phone = _host.Phone("o-halfway", safeMode: true);

        var reply = await phone.SendAsync(phone.Text("边说边办"));
        _halfway.Release();

        Assert.True(reply.IsSuccess, reply.Body);
        Assert.Equal("收到，正在查。", (await _api.NextCustomAsync()).Text);
        Assert.Equal("查好了：已转给村委会。", (await _api.NextCustomAsync()).Text);
    }

    [Fact]
    public async Task A_passive_text_over_2048_bytes_goes_through_the_api_whole()
    {
        Assert.True(Encoding.UTF8.GetByteCount(LongText) > 2048);
        var phone = _host.Phone("o-long", safeMode: true);

        var reply = await phone.SendAsync(phone.Text("政策全文"));

        Assert.True(reply.IsSuccess, reply.Body);
        Assert.Equal(LongText, (await _api.NextCustomAsync()).Text);
    }

    [Fact]
    public async Task Replies_keep_special_characters_in_plaintext_and_safe_mode()
    {
        static void Symbols(IServiceCollection s) => s.AddSingleton<IMiddleware>(new Say("符号", "价格<100 & 大于 ]]> 号 😀 /::)"));
        await using var host = WeChatTesting.Host(_folder.File("special.db"), _api, services: Symbols);
        await using var plainHost = WeChatTesting.PlaintextHost(_folder.File("special-plain.db"), _api, services: Symbols);

        var plainPhone = plainHost.Phone("o-sym-1");
        var safePhone = host.Phone("o-sym-2", safeMode: true);

        var plain = await plainPhone.SendAsync(plainPhone.Text("符号"));
        var safe = await safePhone.SendAsync(safePhone.Text("符号"));

        Assert.Equal("价格<100 & 大于 ]]> 号 😀 /::)", plain.Text);
        Assert.Equal("价格<100 & 大于 ]]> 号 😀 /::)", safe.Text);
    }

    /// <summary>Says something, waits past the budget for the test, then says more.</summary>
    private sealed class SpeaksThenWaits(string text) : IMiddleware
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _released.TrySetResult();

        public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
        {
            if (turnContext.Activity.Text != text)
            {
                await next(cancellationToken);
                return;
            }

            await turnContext.SendActivityAsync("收到，正在查。", cancellationToken: cancellationToken);
            await _released.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            await turnContext.SendActivityAsync("查好了：已转给村委会。", cancellationToken: cancellationToken);
        }
    }
}
