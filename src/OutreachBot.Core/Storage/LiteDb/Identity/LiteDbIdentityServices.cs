using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Identity;

namespace OutreachBot.Storage.LiteDb.Identity;

public static class LiteDbIdentityServices
{
    /// <summary>Bindings, bind codes and wrong-code counts in the LiteDB file.</summary>
    public static IServiceCollection AddLiteDbIdentity(this IServiceCollection services)
    {
        services.AddSingleton<IBindingStore, LiteDbBindingStore>();
        return services;
    }
}
