using OutreachBot.Conversations;
using OutreachBot.Dashboard;
using OutreachBot.WeChat;

namespace OutreachBot.Hosting;

/// <summary>The composition root: one registration per area, in the order a turn meets them.</summary>
public static class OutreachBotRegistration
{
    public static WebApplicationBuilder AddOutreachBot(this WebApplicationBuilder builder)
    {
        Redact.UseKey(builder.Configuration["Redaction:Key"]);
        builder.AddProxySupport();
        if (builder.Configuration.GetValue<bool>("Bot:Echo"))
        {
            builder.AddEchoBot();
            return builder;
        }

        builder.AddStorage();
        builder.AddBotRuntime();
        builder.AddRoster();
        builder.AddVisits();
        builder.AddLedger();
        builder.AddMeetings();
        builder.AddWeChat();
        builder.AddHandbook();
        builder.AddDashboard();
        return builder;
    }

    public static WebApplication MapOutreachBot(this WebApplication app)
    {
        app.MapBotEndpoints();
        app.MapWeChat();
        app.MapDashboard();
        return app;
    }
}
