using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OutreachBot.Ledger.Forwarding;

namespace OutreachBot.Bench.Replay.Fakes;

/// <summary>
/// Everything outside the host that the host talks to, in the bench process on one loopback port:
/// <list type="bullet">
/// <item>WeChat's API (access token, customer-service and template messages), as <c>WeChat:ApiBaseUrl</c>;</item>
/// <item>a Bot Framework channel's connector (<c>/v3/conversations/…/activities</c>), the serviceUrl of /api/messages users;</item>
/// <item>the county's ledger webhook (<c>/ledger</c>): checks the HMAC signature, counts what it accepted by
/// Idempotency-Key, and answers 503 while <see cref="WebhookDown"/> is set.</item>
/// </list>
/// </summary>
public sealed class Outside : IAsyncDisposable
{
    public const string AppId = "wx5ec0ff1ce0000001";
    public const string AppSecret = "bench-app-secret";
    public const string WebhookSecret = "bench-webhook-secret";

    private readonly WebApplication _app;
    private long _customSends;
    private long _templateSends;
    private long _connectorPosts;
    private long _webhookRefused;
    private long _webhookBadSignatures;
    private long _webhookCalls;

    private Outside(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public string WebhookUrl => BaseUrl + "ledger";

    public Inboxes Inboxes { get; } = new();

    private volatile bool _webhookDown;

    /// <summary>While set, the webhook answers 503, as a county system in maintenance would.</summary>
    public bool WebhookDown
    {
        get => _webhookDown;
        set => _webhookDown = value;
    }

    /// <summary>Idempotency-Key → how many times a delivery with it was accepted (2xx).</summary>
    public ConcurrentDictionary<string, int> WebhookAccepted { get; } = new(StringComparer.Ordinal);

    /// <summary>Tracking number → the entry's status in the last event accepted for it, and the count of "created" events.</summary>
    public ConcurrentDictionary<string, (string Status, int Created, long Sequence)> WebhookEntries { get; } = new(StringComparer.Ordinal);

    public long CustomSends => Interlocked.Read(ref _customSends);

    public long TemplateSends => Interlocked.Read(ref _templateSends);

    public long ConnectorPosts => Interlocked.Read(ref _connectorPosts);

    public long WebhookRefused => Interlocked.Read(ref _webhookRefused);

    public long WebhookBadSignatures => Interlocked.Read(ref _webhookBadSignatures);

    public long WebhookCalls => Interlocked.Read(ref _webhookCalls);

    public static string WeChatInbox(string openId) => "wechat/" + openId;

    public static string ApiInbox(string conversationId) => "api/" + conversationId;

    public static async Task<Outside> StartAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var outside = new Outside(app, $"http://127.0.0.1:{port}/");
        app.MapGet("/cgi-bin/token", (HttpRequest request) =>
            request.Query["appid"] == AppId && request.Query["secret"] == AppSecret
                ? Results.Json(new { access_token = "bench-token", expires_in = 7200 })
                : Results.Json(new { errcode = 40125, errmsg = "invalid appsecret" }));
        app.MapPost("/cgi-bin/message/custom/send", async (HttpRequest request) =>
        {
            var body = await ReadAsync(request);
            Interlocked.Increment(ref outside._customSends);
            outside.Inboxes.Put(WeChatInbox((string?)body["touser"] ?? ""), (string?)body["text"]?["content"] ?? "");
            return Results.Json(new { errcode = 0, errmsg = "ok" });
        });
        app.MapPost("/cgi-bin/message/template/send", async (HttpRequest request) =>
        {
            var body = await ReadAsync(request);
            Interlocked.Increment(ref outside._templateSends);
            outside.Inboxes.Put(WeChatInbox((string?)body["touser"] ?? ""), "[template] " + body.ToJsonString());
            return Results.Json(new { errcode = 0, errmsg = "ok", msgid = 1 });
        });
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId?}", async (string conversationId, HttpRequest request) =>
        {
            var body = await ReadAsync(request);
            Interlocked.Increment(ref outside._connectorPosts);
            if ((string?)body["type"] == "message")
            {
                outside.Inboxes.Put(ApiInbox(conversationId), (string?)body["text"] ?? "");
            }

            return Results.Json(new { id = Guid.NewGuid().ToString("N") });
        });
        app.MapPost("/ledger", outside.WebhookAsync);
        await app.StartAsync();
        return outside;
    }

    private async Task<IResult> WebhookAsync(HttpRequest request)
    {
        Interlocked.Increment(ref _webhookCalls);
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        if (WebhookDown)
        {
            Interlocked.Increment(ref _webhookRefused);
            return Results.StatusCode(503);
        }

        if (request.Headers[WebhookLedgerAdapter.SignatureHeader] != "sha256=" + WebhookLedgerAdapter.Sign(body, WebhookSecret))
        {
            Interlocked.Increment(ref _webhookBadSignatures);
            return Results.StatusCode(401);
        }

        var key = request.Headers[WebhookLedgerAdapter.IdempotencyHeader].ToString();
        var count = WebhookAccepted.AddOrUpdate(key, 1, (_, n) => n + 1);
        if (count > 1)
        {
            // Already have it: the receiver keeps the first and says so, as the adapter expects.
            return Results.StatusCode(409);
        }

        var json = JsonNode.Parse(body)!.AsObject();
        var entry = json["entry"]!;
        var number = (string)entry["tracking_number"]!;
        var status = (string)entry["status"]!;
        var created = (string?)json["type"] == LedgerEvent.Created ? 1 : 0;
        var position = key.EndsWith("/created", StringComparison.Ordinal) ? 0 : long.Parse(key[(key.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        WebhookEntries.AddOrUpdate(number, (status, created, position), (_, old) =>
            (position >= old.Sequence ? status : old.Status, old.Created + created, Math.Max(position, old.Sequence)));
        return Results.Ok();
    }

    private static async Task<JsonObject> ReadAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        return JsonNode.Parse(await reader.ReadToEndAsync()) as JsonObject ?? [];
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
