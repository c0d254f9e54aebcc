using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Newtonsoft.Json.Linq;
using OutreachBot.Hosting;
using OutreachBot.Ledger;
using OutreachBot.Meetings;
using OutreachBot.Roster;
using OutreachBot.Tests.Support;
using OutreachBot.Time;
using OutreachBot.Visits;

namespace OutreachBot.Tests.Dashboard;

/// <summary>
/// The dashboard in a real browser: Debian's headless Chromium driven by Playwright against the real host on Kestrel.
/// 李晓红 (demo-staff, 青岩乡) sends 后台登录 over /api/messages, opens the link she gets, and the township page she
/// lands on shows the figures the database holds. Screenshots go to TestResults/dashboard/ at the repository root.
/// Without /usr/bin/chromium the test is skipped and says so (install it with `apt-get install -y chromium`).
/// </summary>
public sealed partial class DashboardBrowserTests
{
    /// <summary>Debian's Chromium, or the browser named by OUTREACHBOT_CHROMIUM (another distribution's path).</summary>
    public static readonly string Chromium = Environment.GetEnvironmentVariable("OUTREACHBOT_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>What this machine's closed network needs (see the README): no background connections to Google.</summary>
    private static readonly string[] ChromiumFlags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    [SkippableFact]
    public async Task Staff_log_in_with_the_link_from_chat_and_see_the_figures_the_database_holds()
    {
        Skip.IfNot(File.Exists(Chromium), $"no Chromium at {Chromium}: install Debian's with `apt-get install -y chromium` (see README.md, Dashboard)");

        using var temp = new TempFolder();
        var baseUrl = $"http://127.0.0.1:{FreePort()}";
        await using var app = await StartHostAsync(temp.File("browser.db"), baseUrl);
        var now = DateTimeOffset.UtcNow;
        DashboardSample.Seed(app.Services, now);

        var link = await LinkFromChatAsync(baseUrl);
        Assert.StartsWith(baseUrl + "/dashboard/login?token=", link, StringComparison.Ordinal);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = ChromiumFlags });

        // A stranger gets the login page, and no figures.
        var stranger = await browser.NewPageAsync();
        await stranger.GotoAsync(baseUrl + "/dashboard/village/V0101");
        Assert.EndsWith("/dashboard/login?ReturnUrl=%2Fdashboard%2Fvillage%2FV0101", stranger.Url, StringComparison.Ordinal);
        Assert.Equal(0, await stranger.Locator("[data-figure]").CountAsync());
        Assert.Contains("后台登录", await stranger.InnerTextAsync("main"), StringComparison.Ordinal);

        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(link);
        await page.ClickAsync("#enter");
        await page.WaitForURLAsync("**/dashboard/township/T01");

        var expected = Expected.For(app.Services, "T01", now);
        Assert.Equal("青岩乡 干部进农家工作情况", await page.InnerTextAsync("h1"));
        Assert.Equal(Number(expected.Households), await Figure(page, "households"));
        Assert.Equal(Number(expected.Paired), await Figure(page, "paired"));
        Assert.Equal(Number(expected.Cadres), await Figure(page, "cadres"));
        Assert.Equal(Number(expected.VisitsThisMonth), await Figure(page, "visits-month"));
        Assert.Equal(Number(expected.VisitsThisYear), await Figure(page, "visits-year"));
        Assert.Equal(Number(expected.Unvisited), await Figure(page, "unvisited"));
        Assert.Equal(Number(expected.Entries), await Figure(page, "entries"));
        Assert.Equal(Number(expected.Closed), await Figure(page, "closed"));
        Assert.Equal(Number(expected.Unresolved), await Figure(page, "unresolved"));
        Assert.Equal(Percent(expected.Closed, expected.Entries), await Figure(page, "closed-rate"));
        Assert.Equal(Number(expected.InProgressKn), await Figure(page, "entries-KN-InProgress"));
        Assert.True(expected.QingyanMeetings.Overall >= 2 && expected.TownshipMeetings.Overall == 1, "the sample records minutes for 青岩村 and 青岩乡");
        Assert.Equal(Number(expected.Meetings.ThisYear), await Figure(page, "meetings-year"));
        Assert.Equal(Number(expected.Meetings.ThisMonth), await Figure(page, "meetings-month"));
        Assert.Equal(Number(expected.Meetings.Overall), await Figure(page, "meetings-overall"));
        Assert.Equal(Number(expected.TownshipMeetings.ThisYear), await Figure(page, "township-meetings-year"));
        Assert.Equal(Number(expected.QingyanMeetings.ThisYear), await Figure(page, "meetings-year-V0101"));
        Assert.Equal(3, await page.Locator("svg[role=img]").CountAsync());   // visits per month, entries per month, satisfaction
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("township-T01.png"), FullPage = true });

        // On paper: the figures and charts stay, the export links and the logout button go.
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.False(await page.Locator(".exports").IsVisibleAsync());
        Assert.True(await page.Locator("[data-figure='households']").IsVisibleAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("township-T01-print.png"), FullPage = true });
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });

        await page.ClickAsync("a[href='/dashboard/village/V0101']");
        await page.WaitForURLAsync("**/dashboard/village/V0101");
        Assert.Equal(Number(expected.QingyanMeetings.ThisYear), await Figure(page, "meetings-year"));
        Assert.Equal(Number(expected.QingyanMeetings.Overall), await Figure(page, "meetings-overall"));
        Assert.Equal(Number(expected.TownshipMeetings.ThisYear), await Figure(page, "township-meetings-year"));
        var open = await page.Locator("[data-entry]").AllInnerTextsAsync();
        Assert.Equal(expected.OpenInQingyan, open.Count);
        Assert.Contains(open, row => row.Contains("残疾", StringComparison.Ordinal) && row.Contains(DashboardSample.TaggedEntry, StringComparison.Ordinal));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("village-V0101.png"), FullPage = true });

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a[href='/dashboard/export/ledger/MS']"));
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.StartsWith("民生诉求台账-", download.SuggestedFilename, StringComparison.Ordinal);
    }

    private static async Task<WebApplication> StartHostAsync(string database, string baseUrl)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = ContentRoot.Locate(), EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Path"] = database,
            ["Urls"] = baseUrl,
            ["Dashboard:PublicBaseUrl"] = baseUrl,
        });
        builder.AddOutreachBot();
        var app = builder.Build();
        app.MapOutreachBot();
        await app.StartAsync();
        return app;
    }

    private static async Task<string> LinkFromChatAsync(string baseUrl)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var activity = Activities.Message("后台登录", "demo-staff", "browser-test");
        activity["deliveryMode"] = "expectReplies";
        using var response = await http.PostAsync("/api/messages", new StringContent(activity.ToString(), Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        var replies = JObject.Parse(await response.Content.ReadAsStringAsync())["activities"]!.Select(a => (string?)a["text"] ?? "");
        return Assert.Single(replies.Select(r => LinkPattern().Match(r)), m => m.Success).Value;
    }

    private static async Task<string> Figure(IPage page, string name) => (await page.Locator($"[data-figure='{name}']").First.InnerTextAsync()).Trim();

    private static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Percent(int part, int whole) => ((double)part / whole * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string Screenshot(string name)
    {
        var folder = Path.Combine(ContentRoot.Locate(), "TestResults", "dashboard");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"http://\S+/dashboard/login\?token=[A-Za-z0-9_\-]+")]
    private static partial Regex LinkPattern();

    /// <summary>A township's figures counted straight from the stores, one plain query at a time, to hold the page against.</summary>
    private sealed record Expected(
        int Households, int Paired, int Cadres, int VisitsThisMonth, int VisitsThisYear, int Unvisited, int Entries, int Closed, int Unresolved, int InProgressKn, int OpenInQingyan,
        Held Meetings, Held TownshipMeetings, Held QingyanMeetings)
    {
        public static Expected For(IServiceProvider services, string townshipId, DateTimeOffset now)
        {
            var roster = services.GetRequiredService<IRosterStore>();
            var visits = services.GetRequiredService<IVisitRecords>();
            var ledger = services.GetRequiredService<LedgerStore>();
            var minutes = services.GetRequiredService<MinutesService>();
            var villages = roster.VillagesIn(townshipId).Select(v => v.Id).ToHashSet();
            var households = villages.SelectMany(roster.HouseholdsIn).ToList();
            var ours = visits.All().Where(v => villages.Contains(v.VillageId)).ToList();
            var entries = ledger.All().Where(e => villages.Contains(e.VillageId)).ToList();
            var month = CalendarMonth.Of(now);
            var monthAgo = ChinaTime.ToLocal(now).AddMonths(-1);
            return new Expected(
                households.Count,
                households.Count(h => h.Pairings.Count > 0),
                households.SelectMany(h => h.Pairings).Select(p => p.CadreId).Distinct().Count(),
                ours.Count(v => month.Contains(v.At)),
                ours.Count(v => ChinaTime.ToLocal(v.At).Year == ChinaTime.ToLocal(now).Year),
                households.Count(h => !(visits.LastVisitTo(h.Id) >= monthAgo)),
                entries.Count,
                entries.Count(e => e.Status == EntryStatus.Closed),
                entries.Count(e => e.Status == EntryStatus.ClosedUnresolved),
                entries.Count(e => e.Book == LedgerBook.HouseholdsInDifficulty && e.Status == EntryStatus.InProgress),
                ledger.OpenIn("V0101").Count,
                Held.Of(minutes, now, [.. villages, townshipId]),
                Held.Of(minutes, now, [townshipId]),
                Held.Of(minutes, now, ["V0101"]));
        }
    }

    /// <summary>Meetings held (with minutes) of some calendars: this month, this year, in all.</summary>
    private sealed record Held(int ThisMonth, int ThisYear, int Overall)
    {
        public static Held Of(MinutesService minutes, DateTimeOffset now, IReadOnlyCollection<string> calendars)
        {
            var month = CalendarMonth.Of(now);
            var year = ChinaTime.ToLocal(now).Year;
            return new Held(
                minutes.MeetingsHeld(month.Start, month.End, calendars),
                minutes.MeetingsHeld(new CalendarMonth(year, 1).Start, new CalendarMonth(year + 1, 1).Start, calendars),
                minutes.MeetingsHeld(now.AddYears(-50), now.AddYears(1), calendars));
        }
    }
}
