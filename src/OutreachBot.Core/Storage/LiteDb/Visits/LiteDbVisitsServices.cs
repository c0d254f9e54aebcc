using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OutreachBot.Visits;

namespace OutreachBot.Storage.LiteDb.Visits;

public static class LiteDbVisitsServices
{
    public static IServiceCollection AddLiteDbVisits(this IServiceCollection services)
    {
        services.TryAddSingleton<IVisitRecords, LiteDbVisitRecords>();
        return services;
    }
}
