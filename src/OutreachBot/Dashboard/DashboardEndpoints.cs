using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OutreachBot.Conversations;
using OutreachBot.Dashboard.Pages;
using OutreachBot.Ledger;
using OutreachBot.Roster;
using OutreachBot.Time;
using OutreachBot.Visits;

namespace OutreachBot.Dashboard;

/// <summary>
/// The dashboard's routes. Everything under /dashboard needs a staff session, except the login page and its two
/// forms; anonymous requests are sent to the login page. Every page and export also checks the viewer's township.
/// </summary>
internal static class DashboardEndpoints
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void Map(WebApplication app)
    {
        var pages = app.MapGroup(DashboardRoutes.Home).RequireAuthorization(DashboardRegistration.Policy).AddEndpointFilter(NoStore);
        pages.MapGet("", County);
        pages.MapGet("/township/{id}", Township);
        pages.MapGet("/village/{id}", Village);
        pages.MapGet("/export/ledger/{book}", ExportLedger);
        pages.MapGet("/export/visits", ExportVisits);
        pages.MapPost("/logout", Logout);

        var login = app.MapGroup(DashboardRoutes.Login).AllowAnonymous().AddEndpointFilter(NoStore);
        login.MapGet("", LoginPage);
        login.MapPost("/link", LoginWithLink).RequireRateLimiting(DashboardRegistration.LinkRateLimit);
        login.MapPost("/password", LoginWithPassword).RequireRateLimiting(DashboardRegistration.PasswordRateLimit);
    }

    private static IResult County(HttpContext http, DashboardFigures figures)
    {
        var viewer = Viewer(http);
        if (viewer is null)
        {
            return Results.Challenge();
        }

        if (!viewer.SeesCounty)
        {
            return Results.Redirect(DashboardRoutes.Township(viewer.TownshipId!));
        }

        var all = figures.Compute();
        return Page<ScopePage>(http, viewer, new() { ["Figures"] = all, ["Scope"] = all.County, ["Children"] = all.Townships });
    }

    private static IResult Township(HttpContext http, string id, DashboardFigures figures)
    {
        var viewer = Viewer(http);
        if (viewer is null)
        {
            return Results.Challenge();
        }

        if (!viewer.MaySeeTownship(id))
        {
            return Message(http, viewer, StatusCodes.Status403Forbidden, "不能查看", "您只能查看本乡镇的数据。");
        }

        var all = figures.Compute();
        return all.Township(id) is { } township
            ? Page<ScopePage>(http, viewer, new() { ["Figures"] = all, ["Scope"] = township, ["Children"] = all.VillagesOf(id) })
            : Message(http, viewer, StatusCodes.Status404NotFound, "没有这个乡镇", $"没有编号为“{id}”的乡镇，请从首页点进去。");
    }

    private static IResult Village(HttpContext http, string id, DashboardFigures figures, VillageLists lists)
    {
        var viewer = Viewer(http);
        if (viewer is null)
        {
            return Results.Challenge();
        }

        var all = figures.Compute();
        if (all.Village(id) is not { } village)
        {
            return Message(http, viewer, StatusCodes.Status404NotFound, "没有这个村", $"没有编号为“{id}”的村，请从首页点进去。");
        }

        if (!(viewer.SeesCounty || (village.TownshipId is { } townshipId && viewer.MaySeeTownship(townshipId))))
        {
            return Message(http, viewer, StatusCodes.Status403Forbidden, "不能查看", "您只能查看本乡镇的村。");
        }

        var township = village.TownshipId is null ? null : all.Township(village.TownshipId);
        return Page<VillagePage>(http, viewer, new() { ["Figures"] = all, ["Scope"] = village, ["Township"] = township, ["Listing"] = lists.For(id) });
    }

    private static IResult ExportLedger(HttpContext http, string book, LedgerStore ledger, LedgerExport export, IRosterStore roster, TimeProvider clock, ILogger<LedgerExport> logger)
    {
        var viewer = Viewer(http);
        if (viewer is null)
        {
            return Results.Challenge();
        }

        var prefix = book.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? book[..^5] : book;
        if (LedgerBooks.FromPrefix(prefix) is not { } which)
        {
            return Message(http, viewer, StatusCodes.Status404NotFound, "没有这本台账", "可以导出的台账：MS 民生诉求、KN 困难群众、WD 稳定工作。");
        }

        var villages = VillagesVisibleTo(viewer, roster);
        using var file = new MemoryStream();
        var rows = export.Write(file, which, ledger.All().Where(e => villages is null || villages.Contains(e.VillageId)));
        logger.LogInformation("Ledger {Ledger} exported ({Rows} rows) by {Viewer}", which.Prefix(), rows, Redact.Id(viewer.StaffId ?? DashboardViewer.PasswordLogin));
        return Results.File(file.ToArray(), XlsxType, LedgerExport.FileName(which, clock.GetUtcNow()));
    }

    private static IResult ExportVisits(HttpContext http, string? month, IVisitRecords visits, VisitExport export, IRosterStore roster, TimeProvider clock, ILogger<VisitExport> logger)
    {
        var viewer = Viewer(http);
        if (viewer is null)
        {
            return Results.Challenge();
        }

        IEnumerable<Visit> chosen = visits.All();
        var name = VisitExport.FileName(clock.GetUtcNow());
        if (!string.IsNullOrWhiteSpace(month))
        {
            if (!DateTime.TryParseExact(month.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return Message(http, viewer, StatusCodes.Status400BadRequest, "月份写得不对", $"月份“{month}”看不懂，请写成 2026-11 这样的年-月，或者不写（导出全部）。");
            }

            var wanted = new CalendarMonth(parsed.Year, parsed.Month);
            chosen = visits.Since(wanted.Start).Where(v => v.At < wanted.End);
            name = $"走访记录-{parsed:yyyyMM}.xlsx";
        }

        var villages = VillagesVisibleTo(viewer, roster);
        using var file = new MemoryStream();
        var rows = export.Write(file, chosen.Where(v => villages is null || villages.Contains(v.VillageId)));
        logger.LogInformation("Visits exported ({Rows} rows) by {Viewer}", rows, Redact.Id(viewer.StaffId ?? DashboardViewer.PasswordLogin));
        return Results.File(file.ToArray(), XlsxType, name);
    }

    private static IResult LoginPage(HttpContext http, string? token, string? returnUrl, LoginLinks links, IOptions<DashboardOptions> options)
    {
        if (token is null && Viewer(http) is not null)
        {
            return Results.Redirect(DashboardRoutes.SafeReturn(returnUrl));
        }

        var state = token is null ? (LoginLinkState?)null : links.Peek(token).State;
        return Login(http, options.Value, StatusCodes.Status200OK, state, token, returnUrl, null);
    }

    private static async Task<IResult> LoginWithLink(HttpContext http, LoginLinks links, IRosterStore roster, IOptions<DashboardOptions> options, ILogger<LoginLinks> logger)
    {
        if (await Form(http) is not { } form)
        {
            return Expired(http, options.Value);
        }

        var check = links.Redeem(form["token"]);
        if (check.State != LoginLinkState.Valid || check.StaffId is null || roster.FindStaff(check.StaffId) is not { } staff)
        {
            logger.LogInformation("Dashboard login link refused: {State}", check.State);
            var state = check.State == LoginLinkState.Valid ? LoginLinkState.Unknown : check.State;
            return Login(http, options.Value, StatusCodes.Status401Unauthorized, state, null, null, null);
        }

        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, DashboardViewer.ForStaff(staff));
        logger.LogInformation("Dashboard login by staff {Staff} with a one-time link", Redact.Id(staff.Id));
        return Results.Redirect(DashboardRoutes.Home);
    }

    private static async Task<IResult> LoginWithPassword(HttpContext http, IOptions<DashboardOptions> options, PasswordAttempts attempts, ILogger<DashboardOptions> logger)
    {
        var settings = options.Value;
        if (await Form(http) is not { } form)
        {
            return Expired(http, settings);
        }

        var returnUrl = form["returnUrl"].ToString();
        if (!settings.PasswordLoginEnabled)
        {
            return Login(http, settings, StatusCodes.Status404NotFound, null, null, returnUrl, "密码登录没有开启，请在聊天里发“后台登录”获取登录链接。");
        }

        using var turn = await attempts.WaitTurnAsync(http.RequestAborted);
        if (!turn.IsAcquired)
        {
            logger.LogWarning("Dashboard password login refused: too many attempts from all addresses together");
            return Results.StatusCode(StatusCodes.Status429TooManyRequests);
        }

        if (!SamePassword(form["password"].ToString(), settings.Password))
        {
            logger.LogWarning("Dashboard password login refused: wrong password");
            return Login(http, settings, StatusCodes.Status401Unauthorized, null, null, returnUrl, "密码不对，请再试一次。");
        }

        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, DashboardViewer.ForPassword(settings.Password));
        logger.LogInformation("Dashboard login with the configured password");
        return Results.Redirect(DashboardRoutes.SafeReturn(returnUrl));
    }

    private static async Task<IResult> Logout(HttpContext http, IOptions<DashboardOptions> options)
    {
        if (await Form(http) is null)
        {
            return Expired(http, options.Value);
        }

        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.Redirect(DashboardRoutes.Login);
    }

    /// <summary>The posted form, or null when its anti-forgery token is missing or wrong (CSRF).</summary>
    private static async Task<IFormCollection?> Form(HttpContext http)
    {
        try
        {
            await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
            return await http.Request.ReadFormAsync();
        }
        catch (Exception e) when (e is AntiforgeryValidationException or InvalidDataException or BadHttpRequestException)
        {
            return null;
        }
    }

    private static bool SamePassword(string given, string configured) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(configured)));

    /// <summary>The village ids a township staff member may see; null for the county (everything).</summary>
    private static HashSet<string>? VillagesVisibleTo(DashboardViewer viewer, IRosterStore roster) =>
        viewer.SeesCounty ? null : roster.VillagesIn(viewer.TownshipId!).Select(v => v.Id).ToHashSet(StringComparer.Ordinal);

    private static DashboardViewer? Viewer(HttpContext http) =>
        DashboardViewer.From(http.User, http.RequestServices.GetRequiredService<IRosterStore>(), http.RequestServices.GetRequiredService<IOptions<DashboardOptions>>().Value);

    private static CsrfToken Csrf(HttpContext http)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return new CsrfToken(tokens.FormFieldName, tokens.RequestToken ?? "");
    }

    private static RazorComponentResult Page<T>(HttpContext http, DashboardViewer viewer, Dictionary<string, object?> parameters, int status = StatusCodes.Status200OK)
        where T : Microsoft.AspNetCore.Components.IComponent
    {
        parameters["Viewer"] = viewer;
        parameters["Csrf"] = Csrf(http);
        return new RazorComponentResult<T>(parameters) { StatusCode = status };
    }

    private static RazorComponentResult Message(HttpContext http, DashboardViewer? viewer, int status, string title, string text) =>
        new RazorComponentResult<MessagePage>(new Dictionary<string, object?>
        {
            ["Title"] = title,
            ["Text"] = text,
            ["Viewer"] = viewer,
            ["Csrf"] = Csrf(http),
        }) { StatusCode = status };

    private static RazorComponentResult Expired(HttpContext http, DashboardOptions options) =>
        Login(http, options, StatusCodes.Status400BadRequest, null, null, null, "页面已经过期，请重新打开登录页再试。");

    private static RazorComponentResult Login(HttpContext http, DashboardOptions options, int status, LoginLinkState? link, string? token, string? returnUrl, string? error) =>
        new RazorComponentResult<LoginPage>(new Dictionary<string, object?>
        {
            ["Csrf"] = Csrf(http),
            ["LinkState"] = link,
            ["Token"] = token,
            ["ReturnUrl"] = DashboardRoutes.SafeReturn(returnUrl),
            ["PasswordEnabled"] = options.PasswordLoginEnabled,
            ["Error"] = error,
        }) { StatusCode = status };

    /// <summary>Figures and household data must not stay in a shared computer's cache.</summary>
    private static async ValueTask<object?> NoStore(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var headers = context.HttpContext.Response.Headers;
        headers.CacheControl = "no-cache, no-store";
        headers.Pragma = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        return await next(context);
    }
}

/// <summary>The anti-forgery field every form of the dashboard carries.</summary>
public sealed record CsrfToken(string FieldName, string Value);
