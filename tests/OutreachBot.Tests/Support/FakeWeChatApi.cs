using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace OutreachBot.Tests.Support;

/// <summary>
/// A local stand-in for api.weixin.qq.com (a Kestrel app on a free loopback port): issues access tokens for one
/// AppId/AppSecret, refuses stale tokens with 40001 as WeChat does, and records the customer-service and template
/// messages it accepts. Tests can expire the token or make the next sends fail with an errcode.
/// </summary>
public sealed class FakeWeChatApi : IAsyncDisposable
{
    public const string AppId = "wx5ec0ff1ce0000001";
    public const string AppSecret = "test-app-secret";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _refusals = new();
    private readonly SemaphoreSlim _customArrived = new(0);
    private readonly SemaphoreSlim _templateArrived = new(0);
    private readonly ConcurrentQueue<SentMessage> _custom = new();
    private readonly ConcurrentQueue<SentMessage> _templates = new();
    private readonly ConcurrentQueue<SentMessage> _customUnread = new();
    private readonly ConcurrentQueue<SentMessage> _templatesUnread = new();
    private int _tokensIssued;
    private volatile string? _validToken;

    private FakeWeChatApi(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public int TokensIssued => _tokensIssued;

    /// <summary>Every customer-service call, accepted or not, in arrival order.</summary>
    public ConcurrentQueue<(string Token, int Answer)> CustomCalls { get; } = new();

    public IReadOnlyList<SentMessage> CustomMessages => [.. _custom];

    public IReadOnlyList<SentMessage> TemplateMessages => [.. _templates];

    public static async Task<FakeWeChatApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var api = new FakeWeChatApi(app);
        app.MapGet("/cgi-bin/token", (HttpRequest request) => api.IssueToken(request));
        app.MapPost("/cgi-bin/message/custom/send", async (HttpRequest request) => await api.AcceptAsync(request, template: false));
        app.MapPost("/cgi-bin/message/template/send", async (HttpRequest request) => await api.AcceptAsync(request, template: true));
        await app.StartAsync();
        api.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";
        return api;
    }

    /// <summary>As when another server fetched a token: the one we issued stops working.</summary>
    public void ExpireToken() => _validToken = null;

    /// <summary>The next customer-service or template sends answer these errcodes, one each.</summary>
    public void RefuseNext(params int[] errcodes)
    {
        foreach (var code in errcodes)
        {
            _refusals.Enqueue(code);
        }
    }

    /// <summary>The next accepted customer-service message not yet taken by a test.</summary>
    public async Task<SentMessage> NextCustomAsync(TimeSpan? timeout = null) =>
        await _customArrived.WaitAsync(timeout ?? TimeSpan.FromSeconds(15)) && _customUnread.TryDequeue(out var message)
            ? message
            : throw new TimeoutException("No customer-service message reached the fake WeChat API.");

    public async Task<SentMessage> NextTemplateAsync(TimeSpan? timeout = null) =>
        await _templateArrived.WaitAsync(timeout ?? TimeSpan.FromSeconds(15)) && _templatesUnread.TryDequeue(out var message)
            ? message
            : throw new TimeoutException("No template message reached the fake WeChat API.");

    private IResult IssueToken(HttpRequest request)
    {
        if (request.Query["grant_type"] != "client_credential" || request.Query["appid"] != AppId || request.Query["secret"] != AppSecret)
        {
            return Results.Json(new { errcode = 40125, errmsg = "invalid appsecret" });
        }

        var token = $"token-{Interlocked.Increment(ref _tokensIssued)}";
        _validToken = token;
        return Results.Json(new { access_token = token, expires_in = 7200 });
    }

    private async Task<IResult> AcceptAsync(HttpRequest request, bool template)
    {
        var token = request.Query["access_token"].ToString();
        var body = JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync())!.AsObject();
        var answer = token != _validToken ? 40001 : _refusals.TryDequeue(out var refusal) ? refusal : 0;
        if (!template)
        {
            CustomCalls.Enqueue((token, answer));
        }

        if (answer != 0)
        {
            return Results.Json(new { errcode = answer, errmsg = answer == 40001 ? "invalid credential, access_token is invalid or not latest" : "refused" });
        }

        var message = new SentMessage((string)body["touser"]!, (string?)body["text"]?["content"], (string?)body["template_id"], body);
        (template ? _templates : _custom).Enqueue(message);
        (template ? _templatesUnread : _customUnread).Enqueue(message);
        (template ? _templateArrived : _customArrived).Release();
        return Results.Json(new { errcode = 0, errmsg = "ok", msgid = 200228332L });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _customArrived.Dispose();
        _templateArrived.Dispose();
    }

    public sealed record SentMessage(string ToUser, string? Text, string? TemplateId, JsonObject Body);
}
