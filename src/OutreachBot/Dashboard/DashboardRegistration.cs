using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OutreachBot.Dialogs;
using OutreachBot.Ledger;
using OutreachBot.Ledger.Forwarding;
using OutreachBot.Roster;
using OutreachBot.Texts;
using OutreachBot.Visits;

namespace OutreachBot.Dashboard;

public static class DashboardRegistration
{
    public const string Policy = "dashboard-staff";
    public const string LoginRateLimit = "dashboard-login";
    public const string CookieName = "outreachbot.dashboard";

    /// <summary>
    /// The staff dashboard: figures, charts and exports behind a cookie session (ASP.NET Core cookie authentication),
    /// opened with a one-time link from 后台登录 in chat or the configured password.
    /// </summary>
    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<DashboardOptions>(builder.Configuration.GetSection(DashboardOptions.Section));

        // The ledger's store may also be registered by the ledger feature; TryAdd keeps one of each.
        services.TryAddSingleton<Outbox>();
        services.TryAddSingleton<LedgerStore>();
        services.AddSingleton<VisitRecords>();
        services.AddSingleton<DashboardFigures>();
        services.AddSingleton(sp => new LedgerExport(sp.GetRequiredService<RosterStore>()));
        services.AddSingleton(sp => new VisitExport(sp.GetRequiredService<RosterStore>()));
        services.AddSingleton<VillageLists>();
        services.AddSingleton<LoginLinks>();
        services.AddSingleton<IDialogAction, LoginLinkAction>();
        services.AddHostedService<TextsCheck>();

        services.AddRazorComponents();
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "outreachbot.csrf";
            options.FormFieldName = "__csrf";
        });
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<DashboardOptions>>((cookie, dashboard) =>
            {
                cookie.Cookie.Name = CookieName;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.Path = DashboardRoutes.Home;
                cookie.LoginPath = DashboardRoutes.Login;
                cookie.AccessDeniedPath = DashboardRoutes.Login;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(dashboard.Value.SessionHours);
                cookie.SlidingExpiration = true;
                cookie.Events.OnValidatePrincipal = RejectStaleSessions;
            });
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy.RequireAuthenticatedUser().RequireRole(DashboardViewer.StaffRole));
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(LoginRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) }));
        });
        return builder;
    }

    /// <summary>Maps the dashboard's routes; nothing in echo mode, where the dashboard is not registered.</summary>
    public static WebApplication MapDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetService<DashboardFigures>() is null)
        {
            return app;
        }

        app.UseRateLimiter();
        DashboardEndpoints.Map(app);
        return app;
    }

    /// <summary>Ends a session whose staff member left the roster or whose password was changed, on its next request.</summary>
    private static async Task RejectStaleSessions(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var viewer = DashboardViewer.From(context.Principal!, services.GetRequiredService<RosterStore>(), services.GetRequiredService<IOptions<DashboardOptions>>().Value);
        if (viewer is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    /// <summary>Fails start-up when dialogs/ lacks a text the dashboard's chat action says.</summary>
    private sealed class TextsCheck(TextCatalog texts) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            texts.EnsureKeys([typeof(DashboardTexts).Assembly]);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
