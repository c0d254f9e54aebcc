using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Scheduling;

namespace OutreachBot.Conversations.Retention;

public static class RetentionServices
{
    public static IServiceCollection AddRetention(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RetentionOptions>()
            .Bind(configuration.GetSection(RetentionOptions.Section))
            .Validate(o => o.StateDays >= 1 && o.ReferenceDays >= 1 && o.FailedTurnDays >= 1, "Retention: StateDays, ReferenceDays and FailedTurnDays must each be at least 1.")
            .Validate(o => o.Interval > TimeSpan.Zero, "Retention:Interval must be positive.")
            .ValidateOnStart();
        return services.AddScheduledJob<RetentionJob>(configuration);
    }
}
