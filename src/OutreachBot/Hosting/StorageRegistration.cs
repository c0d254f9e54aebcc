using LiteDB;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OutreachBot.Storage;

namespace OutreachBot.Hosting;

public static class StorageRegistration
{
    /// <summary>One LiteDB file per process, opened once and shared by bot state and every feature.</summary>
    public static WebApplicationBuilder AddStorage(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<StorageOptions>(builder.Configuration.GetSection(StorageOptions.Section));
        builder.Services.AddSingleton<ILiteDatabase>(sp =>
            Database.Open(sp.GetRequiredService<IOptions<StorageOptions>>().Value, builder.Environment.ContentRootPath));
        builder.Services.AddSingleton<LiteDbStorage>();
        builder.Services.AddSingleton<IStorage>(sp => sp.GetRequiredService<LiteDbStorage>());
        builder.Services.AddSingleton<ConversationState>();
        builder.Services.AddSingleton<UserState>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    private sealed class DatabaseHealthCheck(ILiteDatabase database) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                _ = database.GetCollection(LiteDbStorage.CollectionName).Count();
                return Task.FromResult(HealthCheckResult.Healthy());
            }
            catch (LiteException e)
            {
                return Task.FromResult(HealthCheckResult.Unhealthy("database unreachable", e));
            }
        }
    }
}
