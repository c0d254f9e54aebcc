using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace OutreachBot.Scheduling;

public static class SchedulingServices
{
    /// <summary>
    /// Registers a job with the scheduler, and the scheduler itself once however many features call this:
    /// <c>services.AddScheduledJob&lt;FollowUpJob&gt;(configuration)</c>.
    /// </summary>
    public static IServiceCollection AddScheduledJob<TJob>(this IServiceCollection services, IConfiguration configuration)
        where TJob : class, IScheduledJob
    {
        services.AddScheduler(configuration);
        if (!services.Any(d => d.ServiceType == typeof(TJob)))
        {
            // The job is also resolvable by its own type, as one instance, for code and tests that call it directly.
            services.AddSingleton<TJob>();
            services.AddSingleton<IScheduledJob>(sp => sp.GetRequiredService<TJob>());
        }

        return services;
    }

    public static IServiceCollection AddScheduler(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(Scheduler)))
        {
            return services;
        }

        services.Configure<SchedulerOptions>(configuration.GetSection(SchedulerOptions.Section));
        services.AddSingleton<Scheduler>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<Scheduler>());
        return services;
    }
}
