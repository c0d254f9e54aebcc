using Microsoft.Extensions.Options;
using OutreachBot.Cli;
using OutreachBot.Identity;
using OutreachBot.Roster;
using OutreachBot.Roster.Import;
using OutreachBot.Storage;
using OutreachBot.Storage.LiteDb.Identity;
using OutreachBot.Storage.LiteDb.Roster;
using OutreachBot.Visits;

namespace OutreachBot.Hosting;

public static class RosterRegistration
{
    /// <summary>
    /// The roster, identities and visits. The roster store is handed out only after the demo seeds are applied
    /// (loaded with Seeds:Demo on, demo bindings removed with it off), so every service and command that reads the
    /// roster, in the server or on the command line, sees the same state; at server start this runs before the
    /// first message.
    /// </summary>
    public static WebApplicationBuilder AddRoster(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var contentRoot = builder.Environment.ContentRootPath;
        services.Configure<SeedOptions>(builder.Configuration.GetSection(SeedOptions.Section));
        services.Configure<IdentityOptions>(builder.Configuration.GetSection(IdentityOptions.Section));
        services.AddLiteDbIdentity();
        services.AddLiteDbRoster();
        services.AddSingleton(sp =>
        {
            var roster = sp.GetRequiredKeyedService<IRosterStore>(IRosterStore.UnseededKey);
            new DemoSeeds(roster, sp.GetRequiredService<IBindingStore>(), sp.GetRequiredService<ISeedLog>(), sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<IOptions<SeedOptions>>().Value, contentRoot, sp.GetRequiredService<ILogger<DemoSeeds>>()).Apply();
            return roster;
        });
        services.AddSingleton<RosterImporter>();
        services.AddSingleton<IIdentityResolver, RosterIdentityResolver>();
        services.AddSingleton<IdentityService>();
        services.AddSingleton<BindReplies>();
        services.AddSingleton<BindPauseNotice>();
        services.AddHostedService<RosterStartup>();
        services.AddSingleton<ICliCommand, ImportRosterCommand>();
        services.AddSingleton<ICliCommand, BindCodeCommand>();
        return builder;
    }

    /// <summary>Opens the roster (and so loads the demo seeds) when the server starts, not on the first message.</summary>
    private sealed class RosterStartup(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            _ = services.GetRequiredService<IRosterStore>();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
