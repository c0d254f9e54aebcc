using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OutreachBot.Ledger;
using OutreachBot.Ledger.Forwarding;

namespace OutreachBot.Storage.LiteDb.Ledger;

public static class LiteDbLedgerServices
{
    /// <summary>
    /// The ledger's stores on the shared LiteDB file. Idempotent (TryAdd): the dashboard and the meetings read the
    /// ledger too and call it for hosts that leave the ledger feature out.
    /// </summary>
    public static IServiceCollection AddLiteDbLedger(this IServiceCollection services)
    {
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton<LiteDbLedgerOutbox>();
        services.TryAddSingleton<ILedgerOutbox>(sp => sp.GetRequiredService<LiteDbLedgerOutbox>());
        services.TryAddSingleton<ILedgerStore, LiteDbLedgerStore>();
        services.TryAddSingleton<ILedgerJournal, LiteDbLedgerJournal>();
        services.TryAddSingleton<IResidentProfiles, LiteDbResidentProfiles>();
        services.TryAddSingleton<IRoutingRules, LiteDbRoutingRules>();
        services.TryAddSingleton<ITrackingCounters, LiteDbTrackingCounters>();
        return services;
    }
}
