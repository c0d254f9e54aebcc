using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace OutreachBot.Tests.Support;

/// <summary>
/// A local stand-in for a channel's Bot Connector service (what the Emulator or a Direct Line emulator runs):
/// it receives the replies the bot POSTs to the activity's serviceUrl.
/// </summary>
public sealed class ReplyListener : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<JObject> _replies = new();
    private readonly SemaphoreSlim _arrived = new(0);

    private ReplyListener(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = "";

    public static async Task<ReplyListener> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var listener = new ReplyListener(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId?}", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            listener._replies.Enqueue(JObject.Parse(await reader.ReadToEndAsync()));
            listener._arrived.Release();
            return Results.Json(new { id = Guid.NewGuid().ToString("N") });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        listener.ServiceUrl = address + "/";
        return listener;
    }

    public async Task<JObject> NextReplyAsync(TimeSpan? timeout = null)
    {
        if (!await _arrived.WaitAsync(timeout ?? TimeSpan.FromSeconds(10)))
        {
            throw new TimeoutException("No reply reached the serviceUrl.");
        }

        _replies.TryDequeue(out var reply);
        return reply!;
    }

    public int Count => _replies.Count;

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _arrived.Dispose();
    }
}
