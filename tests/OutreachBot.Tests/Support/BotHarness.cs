using Microsoft.AspNetCore.Builder;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Conversations;
using OutreachBot.Hosting;

namespace OutreachBot.Tests.Support;

/// <summary>
/// The bot as the host registers it, driven in-process through Bot Builder's TestAdapter: no HTTP, real LiteDB file,
/// real dialogs/ folder. A harness over the same file can be opened again after disposing, to play a restart.
/// </summary>
public sealed class BotHarness : IAsyncDisposable
{
    private readonly WebApplication _app;

    public BotHarness(string databasePath, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = ContentRoot.Locate(), EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["Storage:Path"] = databasePath });
        builder.AddOutreachBot();
        services?.Invoke(builder.Services);
        _app = builder.Build();
        Adapter = new TestAdapter(Microsoft.Bot.Connector.Channels.Test);
        BotPipeline.Apply(Adapter, _app.Services);
        // The test adapter stands for a chat on this machine, as the console is, so the demo identities hold.
        Adapter.Use(new Callers.OnThisMachine());
        Bot = _app.Services.GetRequiredService<IBot>();
    }

    public TestAdapter Adapter { get; }

    public IBot Bot { get; }

    public IServiceProvider Services => _app.Services;

    public TestFlow Flow() => new(Adapter, Bot.OnTurnAsync);

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
