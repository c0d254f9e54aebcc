using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Identity;
using OutreachBot.Ledger;
using OutreachBot.Ledger.Forwarding;
using OutreachBot.Tests.Support;

namespace OutreachBot.Tests.Ledger;

/// <summary>The bot plugged into an existing civic-issue back-end that speaks Open311 GeoReport v2.</summary>
public sealed class Open311Tests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_new_entry_becomes_a_service_request_and_its_closing_is_read_back()
    {
        await using var backEnd = await FakeOpen311.StartAsync();
        await using var host = new BotTestHost(_folder.File("bot.db"), new Dictionary<string, string?>
        {
            ["Ledger:Forwarding:Adapters:0"] = "litedb",
            ["Ledger:Forwarding:Adapters:1"] = "open311",
            ["Ledger:Forwarding:Open311:BaseUrl"] = backEnd.BaseUrl,
            ["Ledger:Forwarding:Open311:ApiKey"] = "key-123",
            ["Ledger:Forwarding:Open311:ServiceCodes:饮水"] = "water-supply",
            ["Ledger:Forwarding:PollInterval"] = "00:00:00.200",
        });
        _ = host.CreateClient();
        var villager = UserIdentity.Resident("test", "villager-9");

        var raised = host.Services.GetRequiredService<LedgerService>()
            .Raise(villager, new RaiseRequest("饮水", "水管冻裂了", "V0101", Location: "32.91,104.24 青岩村三组", Phone: "13800001111"));
        var store = host.Services.GetRequiredService<ILedgerStore>();
        await WaitUntil(() => store.Find(raised.Entry.Id)!.ExternalId is not null);

        var form = Assert.Single(backEnd.Requests);
        Assert.Equal("water-supply", form["service_code"]);
        Assert.Equal("key-123", form["api_key"]);
        Assert.Equal("水管冻裂了", form["description"]);
        Assert.Equal("32.91", form["lat"]);
        Assert.Equal(raised.Entry.Id, form["attribute[tracking_number]"]);
        Assert.Equal("SR-1", store.Find(raised.Entry.Id)!.ExternalId);

        backEnd.Close("SR-1", "维修队已更换水管");
        var resolved = await host.Services.GetRequiredService<Open311StatusPoll>().PollAsync(CancellationToken.None);

        Assert.Equal(1, resolved);
        var entry = store.Find(raised.Entry.Id)!;
        Assert.Equal(EntryStatus.Resolved, entry.Status);
        Assert.Equal("维修队已更换水管", entry.Resolution);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(100);
        }
    }

    private sealed class FakeOpen311 : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentDictionary<string, (string Status, string? Notes)> _status = new();

        private FakeOpen311(WebApplication app) => _app = app;

        public ConcurrentBag<Dictionary<string, string>> Requests { get; } = [];

        public string BaseUrl { get; private set; } = "";

        public void Close(string id, string notes) => _status[id] = ("closed", notes);

        public static async Task<FakeOpen311> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var fake = new FakeOpen311(app);
            app.MapPost("/open311/v2/requests.json", async (HttpRequest request) =>
            {
                var form = await request.ReadFormAsync();
                fake.Requests.Add(form.ToDictionary(f => f.Key, f => f.Value.ToString()));
                var id = $"SR-{fake.Requests.Count}";
                fake._status[id] = ("open", null);
                return Results.Json(new[] { new { service_request_id = id, service_notice = "已受理" } });
            });
            app.MapGet("/open311/v2/requests/{id}.json", (string id) =>
                fake._status.TryGetValue(id, out var s)
                    ? Results.Json(new[] { new { service_request_id = id, status = s.Status, status_notes = s.Notes } })
                    : Results.NotFound());
            await app.StartAsync();
            fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/open311/v2";
            return fake;
        }

        public ValueTask DisposeAsync() => _app.DisposeAsync();
    }
}
