using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MiniExcelLibs;
using OutreachBot.Dashboard;
using OutreachBot.Tests.Support;

namespace OutreachBot.Tests.Dashboard;

/// <summary>
/// Who gets into the dashboard, through the real host: anonymous visitors get the login page and never data; 后台登录
/// in chat gives a bound staff member a link that works once and expires; a township's staff see only their township;
/// the login forms need their anti-forgery token; household tags show only where staff need them, never in logs.
/// </summary>
public sealed partial class DashboardAccessTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.FromHours(8));
    private readonly TempFolder _temp = new();
    private readonly FakeTimeProvider _clock = new(Now);
    private readonly CapturedLogs _logs = new();

    [Fact]
    public async Task Every_dashboard_route_sends_an_anonymous_visitor_to_the_login_page_and_shows_no_data()
    {
        using var host = Host();
        var client = Client(host);
        var routes = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/dashboard", StringComparison.Ordinal))
            .ToList();

        var guarded = routes.Where(e => !e.RoutePattern.RawText!.StartsWith(DashboardRoutes.Login, StringComparison.Ordinal)).ToList();
        Assert.Equal(6, guarded.Count);
        foreach (var endpoint in guarded)
        {
            Assert.NotEmpty(endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>());
            var path = endpoint.RoutePattern.RawText!.Replace("{id}", "V0101", StringComparison.Ordinal).Replace("{book}", "MS", StringComparison.Ordinal);
            var method = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Single();
            using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/dashboard/login?ReturnUrl=", Location(response), StringComparison.Ordinal);
        }

        foreach (var path in new[] { "/dashboard", "/dashboard/", "/dashboard/township/T01", "/dashboard/village/V0101", "/dashboard/export/ledger/KN", "/dashboard/export/visits?month=2026-11", "/dashboard/nothing-here" })
        {
            var page = await FollowAsync(client, path);
            Assert.DoesNotContain("data-figure", page, StringComparison.Ordinal);
            Assert.DoesNotContain("青岩村", page, StringComparison.Ordinal);
        }

        Assert.Contains("工作台登录", await FollowAsync(client, "/dashboard"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_typing_后台登录_get_a_link_that_logs_in_once()
    {
        using var host = Host();
        var replies = await host.SendAsync("后台登录", user: "demo-staff");

        var link = Assert.Single(replies.Select(r => LinkPattern().Match(r)), m => m.Success).Value;
        Assert.StartsWith("https://outreach.example.cn/dashboard/login?token=", link, StringComparison.Ordinal);
        Assert.Contains("10 分钟内有效", replies[0], StringComparison.Ordinal);
        var token = link[(link.IndexOf('=', StringComparison.Ordinal) + 1)..];

        var browser = Client(host);
        var second = Client(host);
        var secondConfirm = await TextAsync(second, "/dashboard/login?token=" + token);
        var confirm = await TextAsync(browser, "/dashboard/login?token=" + token);
        Assert.Contains("进入后台", confirm, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/dashboard/login?token=" + token)).StatusCode); // looking twice does not use it up
        using var login = await PostAsync(browser, DashboardRoutes.LoginWithLink, confirm, ("token", token));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal(DashboardRoutes.Home, Location(login));

        // 李晓红 works in 青岩乡: the county page sends her to her township.
        using var home = await browser.GetAsync(DashboardRoutes.Home);
        Assert.Equal("/dashboard/township/T01", Location(home));
        Assert.Contains("青岩乡 干部进农家工作情况", await TextAsync(browser, "/dashboard/township/T01"), StringComparison.Ordinal);

        using var again = await PostAsync(second, DashboardRoutes.LoginWithLink, secondConfirm, ("token", token));
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Contains("已经用过了", Decode(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("已经用过了", await TextAsync(second, "/dashboard/login?token=" + token), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/dashboard/township/T01")).StatusCode);
    }

    [Fact]
    public async Task A_link_expires_after_its_minutes_and_a_made_up_one_never_works()
    {
        using var host = Host();
        var token = await TokenFromChatAsync(host);
        var browser = Client(host);
        var confirm = await TextAsync(browser, "/dashboard/login?token=" + token);
        _clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Contains("已经过期了", await TextAsync(browser, "/dashboard/login?token=" + token), StringComparison.Ordinal);
        using var expired = await PostAsync(browser, DashboardRoutes.LoginWithLink, confirm, ("token", token));
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        using var madeUp = await PostAsync(browser, DashboardRoutes.LoginWithLink, confirm, ("token", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
        Assert.Equal(HttpStatusCode.Unauthorized, madeUp.StatusCode);
        Assert.Contains("这个登录链接不对", Decode(await madeUp.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync(DashboardRoutes.Home)).StatusCode);
    }

    [Fact]
    public async Task Villagers_and_cadres_typing_后台登录_get_no_link()
    {
        using var host = Host();

        foreach (var user in new[] { "villager-1", "demo-cadre" })
        {
            var replies = string.Join("\n", await host.SendAsync("后台登录", user: user, conversation: "conv-" + user));
            Assert.DoesNotContain("token=", replies, StringComparison.Ordinal);
            Assert.Contains("只有工作人员可以用", replies, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_township_staff_member_sees_only_their_township_in_pages_and_exports()
    {
        using var host = Host();
        DashboardSample.Seed(host.Services, Now);
        var browser = await StaffAsync(host);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/dashboard/village/V0101")).StatusCode);
        foreach (var path in new[] { "/dashboard/township/T02", "/dashboard/village/V0201" })
        {
            using var response = await browser.GetAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.DoesNotContain("data-figure", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var ledger = await SheetAsync(browser, "/dashboard/export/ledger/MS");
        Assert.Equal(["MS-SAMPLE-0001", "MS-SAMPLE-0002", "MS-SAMPLE-0003"], ledger.Select(r => (string?)r["编号"]));   // not 白水村's MS-SAMPLE-0006
        var visits = await SheetAsync(browser, "/dashboard/export/visits");
        Assert.Equal(5, visits.Count);
        Assert.All(visits, v => Assert.Equal("青岩乡", v["乡镇"]));
    }

    [Fact]
    public async Task The_county_sees_everything_with_the_configured_password_and_only_with_it()
    {
        using var off = Host();
        var browser = Client(off);
        var confirm = await TextAsync(browser, "/dashboard/login?token=" + await TokenFromChatAsync(off));
        using var refused = await PostAsync(browser, DashboardRoutes.LoginWithPassword, confirm, ("password", ""));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.DoesNotContain("type=\"password\"", await TextAsync(browser, DashboardRoutes.Login), StringComparison.Ordinal);
        off.Dispose();

        using var host = Host(password: "青岩乡-county-2026");
        DashboardSample.Seed(host.Services, Now);
        browser = Client(host);
        using var wrong = await PostAsync(browser, DashboardRoutes.LoginWithPassword, await TextAsync(browser, DashboardRoutes.Login), ("password", "123456"));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("密码不对", Decode(await wrong.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        using var right = await PostAsync(browser, DashboardRoutes.LoginWithPassword, await TextAsync(browser, DashboardRoutes.Login), ("password", "青岩乡-county-2026"), ("returnUrl", "https://evil.example/dashboard"));
        Assert.Equal(DashboardRoutes.Home, Location(right));
        var county = await TextAsync(browser, DashboardRoutes.Home);
        Assert.Contains("全县 干部进农家工作情况", county, StringComparison.Ordinal);
        Assert.Contains("白水镇", county, StringComparison.Ordinal);
        Assert.Contains("MS-SAMPLE-0006", (await SheetAsync(browser, "/dashboard/export/ledger/ms")).Select(r => (string?)r["编号"]));
        Assert.Equal("WD-SAMPLE-0005", Assert.Single(await SheetAsync(browser, "/dashboard/export/ledger/WD.xlsx"))["编号"]);

        using var logout = await PostAsync(browser, DashboardRoutes.Logout, county);
        Assert.Equal(DashboardRoutes.Login, Location(logout));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync(DashboardRoutes.Home)).StatusCode);
    }

    [Fact]
    public async Task Login_forms_refuse_a_post_without_its_anti_forgery_token()
    {
        using var host = Host(password: "secret-county-2026");
        var browser = Client(host);
        await TextAsync(browser, DashboardRoutes.Login); // the anti-forgery cookie is set, the form field is not sent

        using var password = await browser.PostAsync(DashboardRoutes.LoginWithPassword, new FormUrlEncodedContent([new("password", "secret-county-2026")]));
        using var link = await browser.PostAsync(DashboardRoutes.LoginWithLink, new FormUrlEncodedContent([new("token", "x")]));

        Assert.Equal(HttpStatusCode.BadRequest, password.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, link.StatusCode);
        Assert.Contains("页面已经过期", Decode(await password.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.DoesNotContain(password.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith(DashboardRegistration.CookieName, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync(DashboardRoutes.Home)).StatusCode);
    }

    [Fact]
    public async Task Household_tags_show_only_beside_difficulty_entries_on_the_village_page_and_never_in_logs()
    {
        using var host = Host();
        DashboardSample.Seed(host.Services, Now);
        var browser = await StaffAsync(host);

        var village = await TextAsync(browser, "/dashboard/village/V0101");
        var row = EntryRow(village, DashboardSample.TaggedEntry);
        Assert.Contains("<span class=\"tag\">残疾</span>", row, StringComparison.Ordinal);
        Assert.Single(TagPattern().Matches(village).Cast<Match>());
        foreach (var page in new[] { await TextAsync(browser, "/dashboard/township/T01") })
        {
            Assert.DoesNotContain("残疾", page, StringComparison.Ordinal);
            Assert.DoesNotContain("低保", page, StringComparison.Ordinal);
        }

        var export = await SheetAsync(browser, "/dashboard/export/ledger/KN");
        Assert.DoesNotContain(export.SelectMany(r => r.Values), v => v is string s && s.Contains("残疾", StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Lines, l => l.Contains("残疾", StringComparison.Ordinal) || l.Contains("S02", StringComparison.Ordinal) || l.Contains("token=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bad_addresses_get_a_plain_answer()
    {
        using var host = Host();
        var browser = await StaffAsync(host);

        await ExpectAsync(browser, "/dashboard/export/ledger/XX", HttpStatusCode.NotFound, "MS 民生诉求、KN 困难群众、WD 稳定工作");
        await ExpectAsync(browser, "/dashboard/export/visits?month=2026-13", HttpStatusCode.BadRequest, "请写成 2026-11 这样的年-月");
        await ExpectAsync(browser, "/dashboard/village/V9999", HttpStatusCode.NotFound, "没有编号为“V9999”的村");
        await ExpectAsync(browser, "/dashboard/township/T99", HttpStatusCode.Forbidden, "只能查看本乡镇");
    }

    public void Dispose()
    {
        _temp.Dispose();
        _logs.Dispose();
    }

    private BotTestHost Host(string password = "") => new(_temp.File(Guid.NewGuid().ToString("N") + ".db"), new Dictionary<string, string?>
    {
        ["Dashboard:PublicBaseUrl"] = "https://outreach.example.cn/",
        ["Dashboard:Password"] = password,
    }, services =>
    {
        services.AddSingleton<TimeProvider>(_clock);
        services.AddSingleton<ILoggerProvider>(_logs);
    });

    /// <summary>A browser on HTTPS, as staff are at PublicBaseUrl: the dashboard's cookies are Secure and only go back over HTTPS.</summary>
    private static HttpClient Client(BotTestHost host) => host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost") });

    /// <summary>李晓红 (demo-staff, 青岩乡) logged in with a link from chat.</summary>
    private static async Task<HttpClient> StaffAsync(BotTestHost host)
    {
        var token = await TokenFromChatAsync(host);
        var browser = Client(host);
        using var login = await PostAsync(browser, DashboardRoutes.LoginWithLink, await TextAsync(browser, "/dashboard/login?token=" + token), ("token", token));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return browser;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string pageWithForm, params (string Name, string Value)[] fields)
    {
        var csrf = CsrfPattern().Match(pageWithForm);
        Assert.True(csrf.Success, "the page has no anti-forgery field");
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__csrf", csrf.Groups[1].Value));
        return await client.PostAsync(path, new FormUrlEncodedContent(form));
    }

    private static async Task<string> TextAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return Decode(await response.Content.ReadAsStringAsync());
    }

    private static async Task<string> FollowAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            return Decode(await response.Content.ReadAsStringAsync());
        }

        Assert.StartsWith(DashboardRoutes.Login, Location(response), StringComparison.Ordinal);
        return await TextAsync(client, Location(response));
    }

    private static async Task ExpectAsync(HttpClient client, string path, HttpStatusCode status, string text)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(status, response.StatusCode);
        Assert.Contains(text, Decode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    private static async Task<List<IDictionary<string, object?>>> SheetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return [.. file.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>()];
    }

    private static string EntryRow(string page, string entry)
    {
        var start = page.IndexOf($"data-entry=\"{entry}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"{entry} is not listed");
        return page[start..page.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    private static string Location(HttpResponseMessage response) =>
        response.Headers.Location is { IsAbsoluteUri: true } absolute ? absolute.PathAndQuery : response.Headers.Location!.OriginalString;

    private static async Task<string> TokenFromChatAsync(BotTestHost host)
    {
        var link = LinkPattern().Match(string.Join("\n", await host.SendAsync("后台登录", user: "demo-staff", conversation: Guid.NewGuid().ToString("N")))).Value;
        Assert.NotEmpty(link);
        return link[(link.IndexOf('=', StringComparison.Ordinal) + 1)..];
    }

    private static string Decode(string html) => WebUtility.HtmlDecode(html);

    [GeneratedRegex(@"https?://\S+/dashboard/login\?token=[A-Za-z0-9_\-]+")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("name=\"__csrf\" value=\"([^\"]+)\"")]
    private static partial Regex CsrfPattern();

    [GeneratedRegex("class=\"tag\"")]
    private static partial Regex TagPattern();
}
