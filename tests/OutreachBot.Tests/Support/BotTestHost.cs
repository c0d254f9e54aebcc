using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace OutreachBot.Tests.Support;

/// <summary>The real host (Program) on its own LiteDB file, with optional settings and extra services.</summary>
public sealed class BotTestHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    public BotTestHost(string databasePath, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        DatabasePath = databasePath;
        _settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["Storage:Path"] = databasePath };
        _services = services;
    }

    public string DatabasePath { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }

    /// <summary>POSTs an activity with deliveryMode expectReplies and returns the texts of the inline replies.</summary>
    public async Task<IReadOnlyList<string>> SendAsync(string text, string user = "villager-1", string conversation = "conv-1", string channel = "test")
    {
        var activity = Activities.Message(text, user, conversation, channel);
        activity["deliveryMode"] = "expectReplies";
        using var response = await PostAsync(activity);
        response.EnsureSuccessStatusCode();
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        return body["activities"]!.Select(a => (string?)a["text"] ?? "").ToList();
    }

    /// <summary>
    /// Runs the host on Kestrel at the addresses its Urls setting names, as <c>dotnet run</c> does, instead of the
    /// in-process test server, and returns a client for this machine's side of it (127.0.0.1 and the bound port).
    /// </summary>
    public HttpClient StartOnKestrel()
    {
        UseKestrel();
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "127.0.0.1", StringComparison.Ordinal)).Port;
        return new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    public Task<HttpResponseMessage> PostAsync(JObject activity) =>
        CreateClient().PostAsync("/api/messages", new StringContent(activity.ToString(), Encoding.UTF8, "application/json"));
}
