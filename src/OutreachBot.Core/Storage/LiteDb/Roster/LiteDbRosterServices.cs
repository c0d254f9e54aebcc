using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OutreachBot.Roster;

namespace OutreachBot.Storage.LiteDb.Roster;

public static class LiteDbRosterServices
{
    /// <summary>
    /// The roster store in the LiteDB file, under <see cref="IRosterStore.UnseededKey"/>: the roster registration
    /// applies the demo seeds to it before handing it out as <see cref="IRosterStore"/>.
    /// </summary>
    public static IServiceCollection AddLiteDbRoster(this IServiceCollection services)
    {
        services.TryAddKeyedSingleton<IRosterStore, LiteDbRosterStore>(IRosterStore.UnseededKey);
        return services;
    }
}
