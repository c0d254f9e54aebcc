using Microsoft.Extensions.Options;
using OutreachBot.Dialogs;
using OutreachBot.Identity;
using OutreachBot.Ledger;
using OutreachBot.Ledger.Dialog;
using OutreachBot.Ledger.Forwarding;
using OutreachBot.Scheduling;
using OutreachBot.Storage.LiteDb.Ledger;

namespace OutreachBot.Hosting;

public static class LedgerRegistration
{
    /// <summary>
    /// The three ledgers: entries and their rules, routing (seeded from seeds/ledger/routing.csv), follow-ups,
    /// forwarding to the configured adapters through the outbox, and the pieces the ledger dialogs name.
    /// </summary>
    public static WebApplicationBuilder AddLedger(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var contentRoot = builder.Environment.ContentRootPath;
        services.Configure<LedgerOptions>(builder.Configuration.GetSection(LedgerOptions.Section));
        services.Configure<ForwardingOptions>(builder.Configuration.GetSection(ForwardingOptions.Section));

        services.AddLiteDbLedger();
        services.AddSingleton<TrackingNumbers>();
        services.AddSingleton(sp =>
        {
            var table = new RoutingTable(sp.GetRequiredService<IRoutingRules>());
            var seeds = Path.GetFullPath(builder.Configuration["Ledger:RoutingSeeds"] ?? "seeds/ledger/routing.csv", contentRoot);
            RoutingSeeds.LoadIfEmpty(table, seeds, sp.GetRequiredService<ILogger<RoutingTable>>());
            return table;
        });
        services.AddSingleton<LedgerAccess>();
        services.AddSingleton<LedgerService>();
        services.AddSingleton<LedgerReplies>();
        services.AddSingleton<FollowUps>();
        services.AddSingleton<OverdueNotices>();

        services.AddSingleton<ILedgerAdapter, JournalLedgerAdapter>();
        services.AddSingleton<ILedgerAdapter, WebhookLedgerAdapter>();
        services.AddSingleton<ILedgerAdapter, Open311LedgerAdapter>();
        services.AddSingleton<Open311StatusReader>();
        services.AddSingleton<Open311StatusPoll>();
        services.AddHttpClient(WebhookLedgerAdapter.ClientName);
        services.AddHttpClient(Open311LedgerAdapter.ClientName, (sp, client) =>
            client.Timeout = sp.GetRequiredService<IOptions<ForwardingOptions>>().Value.Webhook.Timeout);
        services.AddScheduledJob<LedgerUpkeep>(builder.Configuration);
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());

        services.AddSingleton<IOptionSource, VillageOptions>();
        services.AddSingleton<IOptionSource, OpenEntryOptions>();
        services.AddSingleton<IOptionSource, AwaitingSatisfactionOptions>();
        services.AddSingleton<IOptionSource, RoutingScopeOptions>();
        services.AddSingleton<IOptionSource, KindOptions>();
        services.AddSingleton<IDialogAction, SetRoutingAction>();
        services.AddSingleton<IDialogAction, OutboxStatusAction>();
        services.AddSingleton<IDialogAction, PrefillRaiseAction>();
        services.AddSingleton<IDialogAction, RaiseAction>();
        services.AddSingleton<IDialogAction, MyEntriesAction>();
        services.AddSingleton<IDialogAction, CloseOutAction>();
        services.AddSingleton<IDialogAction, PickFollowUpAction>();
        services.AddSingleton<IDialogAction, RecordSatisfactionAction>();
        services.AddSingleton<IMessageHandler, TrackingNumberHandler>();
        services.AddSingleton<IMessageHandler, BindHandler>();
        services.AddSingleton<OutreachBot.Cli.ICliCommand, ExportLedgerCommand>();
        return builder;
    }
}
