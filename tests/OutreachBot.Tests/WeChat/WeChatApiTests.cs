using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OutreachBot.Tests.Support;
using OutreachBot.WeChat;
using OutreachBot.WeChat.Api;

namespace OutreachBot.Tests.WeChat;

/// <summary>
/// The customer-service and template APIs as the bot uses them, against a local fake of WeChat's API: the access
/// token is cached, refreshed before it expires and when refused (once, by one caller), 45015 is never retried and is
/// recorded, and proactive messages use the 48-hour window: text inside it, the template outside it.
/// </summary>
public sealed class WeChatApiTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private FakeWeChatApi _api = null!;
    private BotTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeWeChatApi.StartAsync();
        _host = WeChatTesting.Host(_folder.File("bot.db"), _api, services: s =>
        {
            s.AddSingleton<TimeProvider>(_clock);
            s.AddSingleton<IMiddleware>(new Say("办事指南", "第一步：带上身份证。", "第二步：到村委会登记。", "第三步：等工作人员回电话。"));
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
        _folder.Dispose();
    }

    private WeChatAdapter Adapter => (WeChatAdapter)_host.Services.GetRequiredKeyedService<BotAdapter>(WeChatAdapter.ChannelId);

    private IUndeliveredMessages Undelivered => _host.Services.GetRequiredService<IUndeliveredMessages>();

    [Fact]
    public async Task A_token_refused_with_40001_is_refreshed_and_the_message_sent_once()
    {
        var phone = _host.Phone("o-token", safeMode: true);
        await phone.SendAsync(phone.Text("办事指南"));
        await _api.NextCustomAsync();
        await _api.NextCustomAsync();

        _api.ExpireToken();
        await phone.SendAsync(phone.Text("办事指南"));
        var second = await _api.NextCustomAsync();
        await _api.NextCustomAsync();

        Assert.Equal("第二步：到村委会登记。", second.Text);
        Assert.Equal(2, _api.TokensIssued);
        Assert.Equal([("token-1", 0), ("token-1", 0), ("token-1", 40001), ("token-2", 0), ("token-2", 0)], _api.CustomCalls.ToArray());
        Assert.Equal(4, _api.CustomMessages.Count);
    }

    [Fact]
    public async Task Callers_whose_token_was_refused_together_refresh_it_once()
    {
        var tokens = _host.Services.GetRequiredService<AccessTokenCache>();
        var refused = await tokens.GetAsync(CancellationToken.None);

        var renewed = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => tokens.RefreshAsync(refused, CancellationToken.None))));

        Assert.Equal(2, _api.TokensIssued);
        Assert.All(renewed, t => Assert.Equal("token-2", t));
    }

    [Fact]
    public async Task The_token_is_cached_and_refreshed_before_it_expires()
    {
        var tokens = _host.Services.GetRequiredService<AccessTokenCache>();

        var first = await tokens.GetAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromHours(1));
        var cached = await tokens.GetAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(7200 - 3600 - 240));
        var renewed = await tokens.GetAsync(CancellationToken.None);

        Assert.Equal("token-1", first);
        Assert.Equal("token-1", cached);
        Assert.Equal("token-2", renewed);
    }

    [Fact]
    public async Task Error_45015_is_not_retried_and_what_was_not_sent_is_kept()
    {
        var phone = _host.Phone("o-quota", safeMode: true);
        _api.RefuseNext(45015);

        var reply = await phone.SendAsync(phone.Text("办事指南"));
        await WaitUntil(() => Undelivered.Recent(10).Count == 2);
        await Task.Delay(300);

        Assert.Equal("第一步：带上身份证。", reply.Text);
        Assert.Single(_api.CustomCalls);
        Assert.Empty(_api.CustomMessages);
        var kept = Undelivered.Recent(10).OrderBy(m => m.Id).ToList();
        Assert.Equal(["第二步：到村委会登记。", "第三步：等工作人员回电话。"], kept.Select(m => m.Text));
        Assert.All(kept, m => Assert.Equal((nameof(DeliveryOutcome.RefusedByWeChat), 45015, "o-quota"), (m.Outcome, m.ErrorCode, m.OpenId)));
    }

    [Fact]
    public async Task A_proactive_message_within_48_hours_goes_as_customer_service_text()
    {
        var phone = _host.Phone("o-recent", safeMode: true);
        await phone.SendAsync(phone.Text("你好"));
        _clock.Advance(TimeSpan.FromHours(47));

        await RemindAsync("o-recent", "明天上午九点在村委会开联席会议。", Reminder());

        Assert.Equal("明天上午九点在村委会开联席会议。", (await _api.NextCustomAsync()).Text);
        Assert.Empty(_api.TemplateMessages);
    }

    [Fact]
    public async Task A_proactive_message_outside_48_hours_goes_as_the_configured_template()
    {
        var phone = _host.Phone("o-quiet", safeMode: true);
        await phone.SendAsync(phone.Text("你好"));
        _clock.Advance(TimeSpan.FromHours(49));

        await RemindAsync("o-quiet", "明天上午九点在村委会开联席会议。", Reminder());

        var sent = await _api.NextTemplateAsync();
        Assert.Equal(("o-quiet", "tmpl-meeting-reminder-01"), (sent.ToUser, sent.TemplateId));
        Assert.Equal("防汛联席会议", (string?)sent.Body["data"]!["keyword1"]!["value"]);
        Assert.Equal("6月12日 08:00", (string?)sent.Body["data"]!["keyword2"]!["value"]);
        Assert.Empty(_api.CustomCalls);
    }

    [Fact]
    public async Task When_wechat_refuses_the_text_with_45015_the_template_goes_instead()
    {
        var phone = _host.Phone("o-refused", safeMode: true);
        await phone.SendAsync(phone.Text("你好"));
        _api.RefuseNext(45015);

        await RemindAsync("o-refused", "明天上午九点在村委会开联席会议。", Reminder());

        Assert.Equal("tmpl-meeting-reminder-01", (await _api.NextTemplateAsync()).TemplateId);
        Assert.Single(_api.CustomCalls);
        Assert.Empty(Undelivered.Recent(10));
    }

    [Fact]
    public async Task Outside_the_window_without_a_template_nothing_is_sent_and_the_text_is_kept()
    {
        await RemindAsync("o-never-wrote", "您反映的问题已经办好了。", fallback: null);

        Assert.Empty(_api.CustomCalls);
        Assert.Empty(_api.TemplateMessages);
        var kept = Assert.Single(Undelivered.Recent(10));
        Assert.Equal(("o-never-wrote", "您反映的问题已经办好了。", nameof(DeliveryOutcome.OutsideServiceWindow)), (kept.OpenId, kept.Text, kept.Outcome));
    }

    [Fact]
    public async Task A_template_name_not_in_configuration_is_not_sent()
    {
        var messenger = _host.Services.GetRequiredService<IWeChatMessenger>();

        var delivery = await messenger.SendTemplateAsync("o-anyone", "no_such_template", new Dictionary<string, string>());

        Assert.Equal(DeliveryOutcome.UnknownTemplate, delivery.Outcome);
        Assert.Empty(_api.TemplateMessages);
    }

    [Fact]
    public async Task The_window_closes_when_the_user_unfollows()
    {
        var messenger = _host.Services.GetRequiredService<IWeChatMessenger>();
        var phone = _host.Phone("o-unfollow", safeMode: true);
        await phone.SendAsync(phone.Text("你好"));
        var before = messenger.IsWithinServiceWindow("o-unfollow");

        await phone.SendAsync(phone.Event("unsubscribe", ""));

        Assert.True(before);
        Assert.False(messenger.IsWithinServiceWindow("o-unfollow"));
        Assert.Equal(DeliveryOutcome.OutsideServiceWindow, (await messenger.SendTextAsync("o-unfollow", "还在吗")).Outcome);
    }

    private static WeChatTemplate Reminder() =>
        new("meeting_reminder", new Dictionary<string, string> { ["keyword1"] = "防汛联席会议", ["keyword2"] = "6月12日 08:00" });

    /// <summary>What a scheduler does: continue the user's conversation on the WeChat adapter and send.</summary>
    private Task RemindAsync(string openId, string text, WeChatTemplate? fallback) =>
        Adapter.ContinueConversationAsync("", Adapter.ReferenceFor(openId), async (turn, cancellationToken) =>
        {
            var message = MessageFactory.Text(text);
            await turn.SendActivityAsync(fallback is null ? message : fallback.AttachTo(message), cancellationToken);
        }, CancellationToken.None);

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(condition());
    }
}
