using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Meetings;

namespace OutreachBot.Storage.LiteDb.Meetings;

public static class LiteDbMeetingsServices
{
    /// <summary>The meetings' stores on the process's LiteDB file (registered by <see cref="LiteDbServices.AddLiteDbStorage"/>).</summary>
    public static IServiceCollection AddLiteDbMeetings(this IServiceCollection services)
    {
        services.AddSingleton<IMeetingCalendars, LiteDbMeetingCalendars>();
        services.AddSingleton<IMeetingMinutes, LiteDbMeetingMinutes>();
        services.AddSingleton<IReminderLog, LiteDbReminderLog>();
        return services;
    }
}
