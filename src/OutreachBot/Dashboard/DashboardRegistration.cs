using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OutreachBot.Dialogs;
using OutreachBot.Ledger;
using OutreachBot.Ledger.Forwarding;
using OutreachBot.Roster;
using OutreachBot.Storage.LiteDb.Dashboard;
using OutreachBot.Texts;
using OutreachBot.Visits;

namespace OutreachBot.Dashboard;

public static class DashboardRegistration
{
    public const string Policy = "dashboard-staff";
    public const string PasswordRateLimit = "dashboard-login-password";
    public const string LinkRateLimit = "dashboard-login-link";
    public const string CookieName = "outreachbot.dashboard";

    /// <summary>
    /// The staff dashboard: figures, charts and exports behind a cookie session (ASP.NET Core cookie authentication),
    /// opened with a one-time link from 后台登录 in chat or the configured password.
    /// </summary>
    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DashboardOptions>().Bind(builder.Configuration.GetSection(DashboardOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DashboardOptions>, DashboardOptionsValidation>();
        services.AddSingleton<PasswordAttempts>();

        // The ledger's store may also be registered by the ledger feature; TryAdd keeps one of each.
        services.TryAddSingleton<Outbox>();
        services.TryAddSingleton<LedgerStore>();
        services.AddSingleton<DashboardFigures>();
        services.AddSingleton(sp => new LedgerExport(sp.GetRequiredService<IRosterStore>()));
        services.AddSingleton(sp => new VisitExport(sp.GetRequiredService<IRosterStore>()));
        services.AddSingleton<VillageLists>();
        services.AddLiteDbDashboard();
        services.AddSingleton<LoginLinks>();
        services.AddSingleton<IDialogAction, LoginLinkAction>();
        services.AddHostedService<TextsCheck>();

        services.AddRazorComponents();
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "outreachbot.csrf";
            options.FormFieldName = "__csrf";
        });

        // Not Always, even behind an https address: antiforgery then throws on every plain-http request, so a proxy
        // missing from Hosting:ForwardedHeaders would turn the login page into a 500 instead of a page without Secure.
        services.AddOptions<AntiforgeryOptions>().Configure(antiforgery => antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<DashboardOptions>>((cookie, dashboard) =>
            {
                cookie.Cookie.Name = CookieName;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = SecurePolicy(dashboard.Value);
                cookie.Cookie.Path = DashboardRoutes.Home;
                cookie.LoginPath = DashboardRoutes.Login;
                cookie.AccessDeniedPath = DashboardRoutes.Login;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(dashboard.Value.SessionHours);
                cookie.SlidingExpiration = true;
                cookie.Events.OnValidatePrincipal = RejectStaleSessions;
            });
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy.RequireAuthenticatedUser().RequireRole(DashboardViewer.StaffRole));

        // Password attempts are throttled per client address: the real one, which the forwarded-headers middleware
        // takes from X-Forwarded-For only when the request comes from a known proxy (Hosting:ForwardedHeaders), so
        // one client hammering the form is stopped while staff elsewhere behind the same proxy are not, and a client
        // cannot dodge its limit by making up a header. The right password is not let through a throttled address:
        // that would make the limit no limit at all. PasswordAttempts slows guessing from many addresses at once.
        // Login links from chat have their own, wider limit: a token is unguessable, so hammering the password form
        // never keeps staff from logging in with 后台登录.
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(PasswordRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                ClientAddress(context),
                _ => PerMinute(context.RequestServices.GetRequiredService<IOptions<DashboardOptions>>().Value.LoginAttemptsPerMinute)));
            options.AddPolicy(LinkRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(ClientAddress(context), _ => PerMinute(LinkAttemptsPerMinute)));
        });
        return builder;
    }

    /// <summary>Enough for a whole office opening links from one address; a token cannot be guessed anyway.</summary>
    private const int LinkAttemptsPerMinute = 60;

    private static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static FixedWindowRateLimiterOptions PerMinute(int permits) => new() { PermitLimit = permits, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Behind an https address cookies are Secure even if a request reached us as plain http (a proxy not
    /// listed as known); otherwise Secure whenever the request is https, after X-Forwarded-Proto.</summary>
    private static CookieSecurePolicy SecurePolicy(DashboardOptions dashboard) =>
        dashboard.IsHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

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
        var viewer = DashboardViewer.From(context.Principal!, services.GetRequiredService<IRosterStore>(), services.GetRequiredService<IOptions<DashboardOptions>>().Value);
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
