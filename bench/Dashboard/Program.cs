using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Bench.Dashboard;
using OutreachBot.Bench.RosterImport;
using OutreachBot.Dashboard;
using OutreachBot.Dashboard.Pages;
using OutreachBot.Hosting;
using OutreachBot.Ledger;
using OutreachBot.Meetings;
using OutreachBot.Roster;
using OutreachBot.Roster.Import;
using OutreachBot.Visits;

// The staff dashboard at the county report's scale: 10,334 households, 12,759 visits, 1,200 ledger entries (and a
// year of monthly meetings with minutes in every village), in the
// real host on Kestrel, requested over HTTP with a logged-in session. The baseline, measured in the same run, is an
// empty page through the same host, session check and page layout, with no figures.
var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 30;
var work = Path.Combine(Path.GetTempPath(), "outreachbot-bench-dashboard", Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(work);
try
{
    var county = Path.Combine(work, "county");
    CountyGenerator.Write(county);
    var port = FreePort();
    var baseUrl = $"http://127.0.0.1:{port}";
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = ContentRoot.Locate(), EnvironmentName = "Production" });
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Storage:Path"] = Path.Combine(work, "bench.db"),
        ["Seeds:Demo"] = "false",
        ["Urls"] = baseUrl,
        ["Dashboard:Password"] = "bench-dashboard-password",
        ["Logging:LogLevel:Default"] = "Warning",
    });
    builder.AddOutreachBot();
    await using var app = builder.Build();
    app.MapOutreachBot();
    app.MapGet("/dashboard/bench-empty", () => new RazorComponentResult<MessagePage>(new Dictionary<string, object?> { ["Title"] = "空白页", ["Text"] = "" }))
        .RequireAuthorization(DashboardRegistration.Policy);

    var services = app.Services;
    var roster = services.GetRequiredService<IRosterStore>();
    var load = Stopwatch.StartNew();
    var imported = new RosterImporter(roster, TimeProvider.System).Import(RosterSource.FromFolder(county));
    if (!imported.Succeeded)
    {
        throw new InvalidOperationException(string.Join("\n", imported.Errors));
    }

    CampaignGenerator.Write(roster, services.GetRequiredService<VisitService>(), services.GetRequiredService<ILedgerStore>(), DateTimeOffset.UtcNow);
    var minutes = services.GetRequiredService<IMeetingMinutes>();
    var calendars = services.GetRequiredService<IMeetingCalendars>();
    var held = CampaignGenerator.WriteMeetings(roster, calendars, minutes, services.GetRequiredService<ILedgerStore>(), DateTimeOffset.UtcNow);
    var counts = roster.Count();
    Console.WriteLine($"loaded in {load.Elapsed.TotalSeconds:0.0} s: {counts.Households} households, {counts.Cadres} cadres, {counts.Villages} villages, " +
        $"{services.GetRequiredService<IVisitRecords>().Count()} visits, {services.GetRequiredService<ILedgerStore>().Count()} ledger entries, " +
        $"{calendars.All().Count} meeting calendars, {held} meetings held (with minutes)");

    await app.StartAsync();
    using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
    var loginPage = await http.GetStringAsync("/dashboard/login");
    var csrf = Regex.Match(loginPage, "name=\"__csrf\" value=\"([^\"]+)\"").Groups[1].Value;
    using var login = await http.PostAsync("/dashboard/login/password", new FormUrlEncodedContent([new("__csrf", csrf), new("password", "bench-dashboard-password")]));
    if (login.StatusCode != HttpStatusCode.Redirect)
    {
        throw new InvalidOperationException("login failed: " + login.StatusCode);
    }

    var village = roster.AllVillages().OrderBy(v => v.Id, StringComparer.Ordinal).First().Id;
    var figures = services.GetRequiredService<DashboardFigures>();
    var cases = new (string Name, Func<Task<long>> Run)[]
    {
        ("baseline: empty page, same host, session and layout", () => Get(http, "/dashboard/bench-empty")),
        ("county page `/dashboard`", () => Get(http, "/dashboard")),
        ("township page `/dashboard/township/T01`", () => Get(http, "/dashboard/township/T01")),
        ($"village page `/dashboard/village/{village}` (with its lists)", () => Get(http, "/dashboard/village/" + village)),
        ("figures alone, in process (`DashboardFigures.Compute`)", () => Task.FromResult((long)figures.Compute().County.Households)),
        ("of which the meetings' part, in process (`IMeetingMinutes.AllHeld` and the calendars' scopes)", () => Task.FromResult((long)minutes.AllHeld().Count() + calendars.All().Count)),
        ("export 民生诉求 ledger `/dashboard/export/ledger/MS`", () => Get(http, "/dashboard/export/ledger/MS")),
        ("export all visits `/dashboard/export/visits`", () => Get(http, "/dashboard/export/visits")),
    };

    var results = new List<(string Name, double Median, double Min, double Max, long Bytes)>();
    foreach (var (name, run) in cases)
    {
        long bytes = 0;
        for (var i = 0; i < 3; i++)
        {
            bytes = await run();
        }

        var times = new List<double>();
        var count = name.StartsWith("export", StringComparison.Ordinal) ? Math.Max(5, runs / 3) : runs;
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            bytes = await run();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        results.Add((name, times[times.Count / 2], times[0], times[^1], bytes));
    }

    var baseline = results[0].Median;
    Console.WriteLine();
    Console.WriteLine("| what | median (fastest–slowest) | vs. baseline | response |");
    Console.WriteLine("| --- | --- | --- | --- |");
    foreach (var (name, median, min, max, bytes) in results)
    {
        var size = name.Contains("in process", StringComparison.Ordinal) ? "—" : $"{bytes / 1024.0:0} KB";
        Console.WriteLine(FormattableString.Invariant($"| {name} | {median:0.0} ms ({min:0.0}–{max:0.0}) | {median / baseline:0.0}× | {size} |"));
    }

    await app.StopAsync();
}
finally
{
    try
    {
        Directory.Delete(work, recursive: true);
    }
    catch (IOException)
    {
    }
}

static async Task<long> Get(HttpClient http, string path)
{
    using var response = await http.GetAsync(path);
    if (response.StatusCode != HttpStatusCode.OK)
    {
        throw new InvalidOperationException($"{path}: {response.StatusCode}");
    }

    return (await response.Content.ReadAsByteArrayAsync()).Length;
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}
