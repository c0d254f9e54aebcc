using OutreachBot.Bench.Replay;
using OutreachBot.Bench.Replay.County;
using OutreachBot.Bench.Replay.Fakes;
using OutreachBot.Bench.Replay.Host;
using OutreachBot.Bench.Replay.Runs;
using OutreachBot.Bench.Replay.Year;

// A county-year through the real endpoints: the host started as its own process on a generated county at the
// report's scale, a year of chat sent over HTTP (/api/messages and /wechat), the same load against its echo mode,
// and the fault drills. See bench/Replay/README.md.
var options = ReplayOptions.Parse(args);
if (!File.Exists(options.HostDll))
{
    Console.Error.WriteLine($"No host at {options.HostDll}: build it first (dotnet build -c Release src/OutreachBot) or pass --host.");
    return 2;
}

var work = Path.Combine(Path.GetTempPath(), "outreachbot-replay-" + Environment.ProcessId);
Directory.CreateDirectory(work);
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var report = new Report(options);
try
{
    var setup = new HostSetup(options.HostDll, Paths.RootOf(options.HostDll), Paths.FreePort());
    Say($"work folder {work}; host {options.HostDll} on port {setup.Port}");
    var county = CountyModel.Generate(Path.Combine(work, "county"));
    report.County = county;
    var plan = YearPlan.Create(county, options.Scale, options.Seed);
    Say($"county: {county.Cadres.Count} cadres, {county.Households.Count} households, {county.PairingCount} pairings; year at scale {options.Scale}: {plan.Visits} visits, {plan.Problems} problems raised by villagers");
    var template = await CountyDatabase.CreateAsync(setup, county, plan, Path.Combine(work, "county.db"), codes: 4);
    Say($"roster imported with import-roster in {template.ImportTime.TotalSeconds:0.0} s; {template.Codes.Count} bind codes issued");

    if (options.Runs("replay"))
    {
        Say($"year replay, {options.Concurrency} conversations at a time…");
        await using var outside = await Outside.StartAsync(Paths.FreePort());
        var year = await YearRun.RunAsync(plan, template, Path.Combine(work, "replay.db"), setup, outside, options.Concurrency, outage: true, kills: 0, Path.Combine(work, "host-replay.log"), cancel.Token);
        report.Year = year;
        Say($"year: {year.Turns} turns in {year.Elapsed.TotalSeconds:0} s = {year.TurnsPerSecond:0.0} turns/s; figures match: {year.Findings.FiguresMatch}");
        if (options.Runs("echo"))
        {
            Say("the same messages against echo mode…");
            report.Echo = await EchoRun.RunAsync(year.Runner.Phases, setup, outside, options.Concurrency, work, Path.Combine(work, "host-echo.log"), cancel.Token);
            Say($"echo: {report.Echo.Turns} turns in {report.Echo.Elapsed.TotalSeconds:0} s = {report.Echo.TurnsPerSecond:0.0} turns/s");
        }
    }

    if (options.Runs("crash"))
    {
        var crashPlan = YearPlan.Create(county, options.CrashScale, options.Seed + 1);
        Say($"crash drill: a year at scale {options.CrashScale} with {options.Kills} kill -9s…");
        await using var outside = await Outside.StartAsync(Paths.FreePort());
        report.Crash = await YearRun.RunAsync(crashPlan, template, Path.Combine(work, "crash.db"), setup, outside, options.Concurrency, outage: false, kills: options.Kills, Path.Combine(work, "host-crash.log"), cancel.Token);
        Say($"crash drill: {report.Crash.Kills.Count} kills, {report.Crash.Metrics.Resends} resends; figures match: {report.Crash.Findings.FiguresMatch}");
    }

    if (options.Runs("concurrent") || options.Runs("bad-input"))
    {
        Say("drills: two messages at the same moment, bad input…");
        (report.Concurrent, report.BadInput) = await DrillsRun.RunAsync(plan, template, Path.Combine(work, "drills.db"), setup, options.Runs("concurrent"), options.Runs("bad-input"), Path.Combine(work, "host-drills.log"), cancel.Token);
        Say($"same moment: {(report.Concurrent?.Pass is false ? "FAIL" : "pass")}; bad input: {(report.BadInput?.Pass is false ? "FAIL" : "pass")}");
    }

    report.Print(Console.Out);
    if (options.Write)
    {
        report.WriteResults(Path.Combine(Paths.Repository, "bench", "RESULTS.md"));
        Say("bench/RESULTS.md updated (Replay section)");
    }

    return report.Passed ? 0 : 1;
}
finally
{
    if (!options.Keep)
    {
        try
        {
            Directory.Delete(work, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

static void Say(string line) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {line}");
