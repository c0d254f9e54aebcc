using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OutreachBot.Dialogs;
using OutreachBot.Ledger;
using OutreachBot.Ledger.Forwarding;
using OutreachBot.Meetings;
using OutreachBot.Meetings.Chat;
using OutreachBot.Roster;
using OutreachBot.Scheduling;
using OutreachBot.Storage.LiteDb.Ledger;
using OutreachBot.Storage;
using OutreachBot.Storage.LiteDb.Meetings;

namespace OutreachBot.Hosting;

public static class MeetingsRegistration
{
    /// <summary>
    /// Monthly joint meetings: calendars (the demo county's loaded from seeds/meetings with Seeds:Demo on, after the
    /// roster), reminders as a scheduled job, agendas from the ledger and visits, and the chat commands.
    /// </summary>
    public static WebApplicationBuilder AddMeetings(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var contentRoot = builder.Environment.ContentRootPath;
        services.Configure<MeetingsOptions>(builder.Configuration.GetSection(MeetingsOptions.Section));

        // The ledger store the agenda reads, for as long as no ledger registration provides it.
        services.AddOptions<ForwardingOptions>().Bind(builder.Configuration.GetSection(ForwardingOptions.Section));
        services.AddLiteDbLedger();

        services.AddLiteDbMeetings();
        SeedOnFirstUse(services, contentRoot);
        services.AddSingleton<MeetingAttendees>();
        services.AddSingleton<MeetingAccess>();
        services.AddSingleton<AgendaBuilder>();
        services.AddSingleton<MeetingReplies>();
        services.AddSingleton<PersonReach>();
        services.AddSingleton<MeetingService>();
        services.AddSingleton<MinutesService>();
        services.AddScheduledJob<MeetingReminderJob>(builder.Configuration);

        services.AddSingleton<IDialogAction, NextMeetingAction>();
        services.AddSingleton<IDialogAction, AgendaStartAction>();
        services.AddSingleton<IDialogAction, AgendaAction>();
        services.AddSingleton<IDialogAction, ChangeStartAction>();
        services.AddSingleton<IDialogAction, ChangeMeetingAction>();
        services.AddSingleton<IDialogAction, MinutesStartAction>();
        services.AddSingleton<IDialogAction, MinutesEntriesAction>();
        services.AddSingleton<IDialogAction, MinutesPicksAction>();
        services.AddSingleton<IDialogAction, MinutesEachAction>();
        services.AddSingleton<IDialogAction, MinutesNextAction>();
        services.AddSingleton<IDialogAction, MinutesAssignAction>();
        services.AddSingleton<IDialogAction, MinutesSummaryAction>();
        services.AddSingleton<IDialogAction, MinutesSaveAction>();
        services.AddSingleton<IDialogAction, ReachAction>();
        services.AddSingleton<IOptionSource, VisibleCalendars>();
        services.AddSingleton<IOptionSource, ChangeableCalendars>();
        services.AddSingleton<IOptionSource, ComingMeetings>();
        services.AddSingleton<IOptionSource, MinutesCalendars>();
        services.AddSingleton<IOptionSource, HeldMeetings>();
        return builder;
    }

    /// <summary>
    /// The calendars are handed out only after the demo calendars are loaded (Seeds:Demo), whichever storage holds
    /// them: the registered calendars are wrapped so their first resolution applies seeds/meetings.
    /// </summary>
    private static void SeedOnFirstUse(IServiceCollection services, string contentRoot)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IMeetingCalendars));
        services.Remove(registered);
        services.AddSingleton(sp =>
        {
            var calendars = (IMeetingCalendars)(registered.ImplementationInstance
                ?? registered.ImplementationFactory?.Invoke(sp)
                ?? ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!));
            var seeds = sp.GetRequiredService<IOptions<SeedOptions>>().Value;
            if (seeds.Demo)
            {
                new MeetingSeeds(calendars, sp.GetRequiredService<IRosterStore>(), sp.GetRequiredService<ISeedLog>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<MeetingSeeds>>())
                    .Apply(Path.GetFullPath(Path.Combine(seeds.Path, MeetingSeeds.Folder), contentRoot));
            }

            return calendars;
        });
    }
}
