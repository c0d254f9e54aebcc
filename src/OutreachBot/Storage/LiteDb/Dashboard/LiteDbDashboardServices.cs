using OutreachBot.Dashboard;

namespace OutreachBot.Storage.LiteDb.Dashboard;

public static class LiteDbDashboardServices
{
    /// <summary>The dashboard's login links in the LiteDB file.</summary>
    public static IServiceCollection AddLiteDbDashboard(this IServiceCollection services)
    {
        services.AddSingleton<ILoginLinkStore, LiteDbLoginLinkStore>();
        return services;
    }
}
