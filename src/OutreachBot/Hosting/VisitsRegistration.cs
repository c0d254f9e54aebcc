using OutreachBot.Dialogs;
using OutreachBot.Storage.LiteDb.Visits;
using OutreachBot.Visits;
using OutreachBot.Visits.Dialog;

namespace OutreachBot.Hosting;

public static class VisitsRegistration
{
    /// <summary>Visits: the service, the replies, and the pieces the log-visit, my-households and month-visits dialogs name.</summary>
    public static WebApplicationBuilder AddVisits(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddLiteDbVisits();
        services.AddSingleton<VisitService>();
        services.AddSingleton<VisitReplies>();
        services.AddSingleton<IOptionSource, HouseholdOptions>();
        services.AddSingleton<IDialogAction, LogVisitAction>();
        services.AddSingleton<IDialogAction, RaiseFromVisitAction>();
        services.AddSingleton<IDialogAction, MyHouseholdsAction>();
        services.AddSingleton<IDialogAction, MonthVisitsAction>();
        return builder;
    }
}
