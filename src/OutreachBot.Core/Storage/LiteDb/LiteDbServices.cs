using LiteDB;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OutreachBot.Storage.LiteDb;

/// <summary>
/// The embedded default: one LiteDB file per process, opened once and shared by bot state and every feature's store.
/// Each feature's LiteDB stores are registered by its own method in its folder here.
/// </summary>
public static class LiteDbServices
{
    public static IServiceCollection AddLiteDbStorage(this IServiceCollection services, string contentRoot)
    {
        services.AddSingleton<ILiteDatabase>(sp => Database.Open(sp.GetRequiredService<IOptions<StorageOptions>>().Value, contentRoot));
        services.AddSingleton<LiteDbStorage>();
        services.AddSingleton<IStorage>(sp => sp.GetRequiredService<LiteDbStorage>());
        services.AddSingleton<IStateRetention>(sp => sp.GetRequiredService<LiteDbStorage>());
        services.AddSingleton<IUnitOfWork, LiteDbUnitOfWork>();
        services.AddSingleton<IStorageProbe, LiteDbProbe>();
        services.AddSingleton<ISeedLog, LiteDbSeedLog>();
        return services;
    }

    /// <summary>Answers whether the file can be read, for /healthz.</summary>
    private sealed class LiteDbProbe(ILiteDatabase database) : IStorageProbe
    {
        public bool IsReachable(out string? problem)
        {
            try
            {
                _ = database.GetCollection(LiteDbStorage.CollectionName).Count();
                problem = null;
                return true;
            }
            catch (LiteException e)
            {
                problem = e.Message;
                return false;
            }
        }
    }
}
