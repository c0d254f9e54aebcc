using System.Collections.Concurrent;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Tests.Support;
using OutreachBot.WeChat.Protocol;
using OutreachBot.WeChat.Simulator;

namespace OutreachBot.Tests.WeChat;

/// <summary>The real host with the WeChat channel on, pointed at a <see cref="FakeWeChatApi"/>, and phones to talk to it.</summary>
internal static class WeChatTesting
{
    public const string Token = "outreach-test-token";

    /// <summary>The EncodingAESKey of Tencent's official sample; any 43 letters and digits would do.</summary>
    public const string AesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    public static BotTestHost Host(string databasePath, FakeWeChatApi api, TimeSpan? budget = null, Action<IServiceCollection>? services = null, IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["WeChat:Token"] = Token,
            ["WeChat:EncodingAESKey"] = AesKey,
            ["WeChat:AppId"] = FakeWeChatApi.AppId,
            ["WeChat:AppSecret"] = FakeWeChatApi.AppSecret,
            ["WeChat:ApiBaseUrl"] = api.BaseUrl,
            ["WeChat:PassiveReplyBudget"] = (budget ?? TimeSpan.FromSeconds(4)).ToString("c"),
            ["WeChat:Templates:meeting_reminder"] = "tmpl-meeting-reminder-01",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return new BotTestHost(databasePath, all, services);
    }

    /// <summary>An account in plaintext mode: no EncodingAESKey, so the host takes unencrypted pushes (and only those).</summary>
    public static BotTestHost PlaintextHost(string databasePath, FakeWeChatApi api, Action<IServiceCollection>? services = null, IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["WeChat:EncodingAESKey"] = "" };
        return Host(databasePath, api, services: services, settings: all);
    }

    public static WeChatPhone Phone(this BotTestHost host, string openId, bool safeMode = false) =>
        new(host.CreateClient(), new Uri("http://localhost/wechat"), Token, openId, "gh_0utreach0001", safeMode ? new WeChatCrypto(AesKey, FakeWeChatApi.AppId) : null);
}

/// <summary>Sees every activity the bot gets (registered after the pipeline's own middleware).</summary>
internal sealed class Recorder : IMiddleware
{
    public ConcurrentQueue<Activity> Activities { get; } = new();

    public int Count(string text) => Activities.Count(a => a.Text == text);

    public Activity Last => Activities.Last();

    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        Activities.Enqueue(turnContext.Activity);
        return next(cancellationToken);
    }
}

/// <summary>Holds a turn on <paramref name="text"/> until the test releases it: a slow turn the test controls.</summary>
internal sealed class Gate(string text) : IMiddleware
{
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Entered => _entered.Task;

    public void Release() => _released.TrySetResult();

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        if (turnContext.Activity.Text == text)
        {
            _entered.TrySetResult();
            await _released.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        }

        await next(cancellationToken);
    }
}

/// <summary>Answers <paramref name="text"/> with several replies, as a dialog step that says more than one thing would.</summary>
internal sealed class Say(string text, params string[] replies) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        if (turnContext.Activity.Text != text)
        {
            await next(cancellationToken);
            return;
        }

        foreach (var reply in replies)
        {
            await turnContext.SendActivityAsync(reply, cancellationToken: cancellationToken);
        }
    }
}
