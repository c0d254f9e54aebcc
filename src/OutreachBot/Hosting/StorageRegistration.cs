using Microsoft.Bot.Builder;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OutreachBot.Storage;
using OutreachBot.Storage.LiteDb;

namespace OutreachBot.Hosting;

public static class StorageRegistration
{
    /// <summary>The storage provider (today the embedded LiteDB file), bot state on it, and its health check.</summary>
    public static WebApplicationBuilder AddStorage(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<StorageOptions>(builder.Configuration.GetSection(StorageOptions.Section));
        builder.Services.AddLiteDbStorage(builder.Environment.ContentRootPath);
        builder.Services.AddSingleton<ConversationState>();
        builder.Services.AddSingleton<UserState>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    private sealed class DatabaseHealthCheck(IStorageProbe probe) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(probe.IsReachable(out var problem) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("database unreachable: " + problem));
    }
}
