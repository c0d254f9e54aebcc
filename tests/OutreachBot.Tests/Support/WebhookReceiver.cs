using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Ledger.Forwarding;

namespace OutreachBot.Tests.Support;

/// <summary>
/// A county ledger system's webhook endpoint, for tests: it checks the signature, counts what it accepted per
/// idempotency key, and can be switched "down" (answering 503) to play an outage.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app) => _app = app;

    public ConcurrentDictionary<string, int> Accepted { get; } = new(StringComparer.Ordinal);

    private int _refused;
    private int _badSignatures;

    public int Refused => Volatile.Read(ref _refused);

    public int BadSignatures => Volatile.Read(ref _badSignatures);

    public bool Down { get; set; }

    public string Url { get; private set; } = "";

    public static async Task<WebhookReceiver> StartAsync(string secret)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/ledger", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            if (receiver.Down)
            {
                Interlocked.Increment(ref receiver._refused);
                return Results.StatusCode(503);
            }

            if (request.Headers[WebhookLedgerAdapter.SignatureHeader] != "sha256=" + WebhookLedgerAdapter.Sign(body, secret))
            {
                Interlocked.Increment(ref receiver._badSignatures);
                return Results.StatusCode(401);
            }

            receiver.Accepted.AddOrUpdate(request.Headers[WebhookLedgerAdapter.IdempotencyHeader].ToString(), 1, (_, n) => n + 1);
            return Results.Ok();
        });
        await app.StartAsync();
        receiver.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/ledger";
        return receiver;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
