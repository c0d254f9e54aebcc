using System.Diagnostics;
using OutreachBot.Bench.Replay.Chat;
using OutreachBot.Bench.Replay.Fakes;
using OutreachBot.Bench.Replay.Host;
using OutreachBot.Bench.Replay.Year;

namespace OutreachBot.Bench.Replay.Runs;

public sealed record Kill(int Month, int ConfirmsInFlight, TimeSpan Downtime);

public sealed record YearResult(
    YearRunner Runner,
    TimeSpan Elapsed,
    long PeakMemory,
    TimeSpan HostCpu,
    long DatabaseBytes,
    Findings Findings,
    TimeSpan Outage,
    long WebhookRefused,
    TimeSpan Drain,
    IReadOnlyList<Kill> Kills,
    long Swallowed,
    IReadOnlyDictionary<string, int> Proactive)
{
    public Metrics Metrics => Runner.Metrics;

    public int Turns => Metrics.TurnsOf();

    public double TurnsPerSecond => Turns / Elapsed.TotalSeconds;
}

/// <summary>
/// A year against the real host: started on a copy of the county's database, the webhook down from month 4 to
/// month 6 (when asked), killed with SIGKILL and restarted during some months (when asked); then the outbox is
/// let drain, the host stopped with SIGTERM, and the file compared with what was sent.
/// </summary>
public static class YearRun
{
    public static async Task<YearResult> RunAsync(
        YearPlan plan,
        CountyDatabase.Prepared template,
        string database,
        HostSetup setup,
        Outside outside,
        int concurrency,
        bool outage,
        int kills,
        string log,
        CancellationToken cancellationToken)
    {
        File.Copy(template.Path, database, overwrite: true);
        var environment = HostConfig.Bot(database, outside);
        var host = await HostProcess.StartAsync(setup, environment, log, cancellationToken);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(90) };
        var random = new Random(plan.Months.Count + kills);
        var killMonths = Enumerable.Range(0, kills).Select(i => 2 + (i * 10 / Math.Max(1, kills))).ToHashSet();
        var killed = new List<Kill>();
        var outageWatch = new Stopwatch();
        Task? chaos = null;
        YearRunner? runner = null;
        runner = new YearRunner(plan, host.BaseUrl, outside, http, concurrency, safeMode: true)
        {
            BeforePhase = async (month, phase) =>
            {
                if (chaos is not null)
                {
                    await chaos;
                    chaos = null;
                }

                if (outage && phase == "traffic" && month == 4)
                {
                    outside.WebhookDown = true;
                    outageWatch.Start();
                }

                if (outage && phase == "traffic" && month == 6)
                {
                    outside.WebhookDown = false;
                    outageWatch.Stop();
                }

                if (phase == "traffic" && killMonths.Contains(month))
                {
                    chaos = KillDuringAsync(month);
                }
            },
        };

        // Mid-traffic, at a moment when a "对" (the message that saves something) is on its way, the host is killed.
        async Task KillDuringAsync(int month)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200 + random.Next(600)), cancellationToken);
            var waited = Stopwatch.StartNew();
            while (runner!.Metrics.ConfirmsInFlight == 0 && waited.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Yield();
            }

            await Task.Delay(random.Next(0, 8), cancellationToken);
            var inFlight = (int)runner.Metrics.ConfirmsInFlight;
            runner.Gate.Down();
            var down = Stopwatch.StartNew();
            host.Kill();
            host.Dispose();
            host = await HostProcess.StartAsync(setup, environment, log, cancellationToken);
            runner.Gate.Up();
            killed.Add(new Kill(month, inFlight, down.Elapsed));
        }

        var swallowedBefore = WeChatUser.Swallowed;
        var setupJobs = template.Codes.Select(c => new Job(plan.Cadres.Values.First(p => p.UserId == c.Key), t => Scripts.Scripted.BindAsync(t, c.Value).ContinueWith(_ => { }, TaskScheduler.Default))).ToList();
        var cpuBefore = host.CpuTime();
        await runner.RunYearAsync(setupJobs, cancellationToken);
        if (chaos is not null)
        {
            await chaos;
        }

        // CPU of the year's traffic only (start-up and the outbox drain left out); meaningless across kills.
        var cpu = host.CpuTime() - cpuBefore;
        if (host.Exited)
        {
            runner.Metrics.Problem($"the host stopped by itself during the year; its log: {log}");
        }

        runner.Gate.Done();
        outside.WebhookDown = false;
        var drain = await DrainAsync(outside, runner.Expected, cancellationToken);
        var peak = host.PeakMemoryBytes();
        await host.StopAsync();
        host.Dispose();
        var bytes = new FileInfo(database).Length + (File.Exists(LogFile(database)) ? new FileInfo(LogFile(database)).Length : 0);
        var findings = Verify.Database(database, runner.Expected, outside);
        return new YearResult(runner, runner.Elapsed, peak, cpu, bytes, findings, outageWatch.Elapsed, outside.WebhookRefused, drain, killed, WeChatUser.Swallowed - swallowedBefore, new Dictionary<string, int>(outside.Inboxes.ProactiveByKind));
    }

    /// <summary>Waits until the webhook has seen every entry and no delivery came for three seconds (at most three minutes).</summary>
    private static async Task<TimeSpan> DrainAsync(Outside outside, Expectations expected, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var lastCalls = -1L;
        var quiet = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromMinutes(3))
        {
            var calls = outside.WebhookCalls;
            if (calls != lastCalls)
            {
                lastCalls = calls;
                quiet.Restart();
            }

            // Every entry arrived with the status the replay expects, or nothing moved for longer than the longest backoff.
            var arrived = expected.Entries.Values.All(e => outside.WebhookEntries.TryGetValue(e.Id, out var seen) && (e.Uncertain || seen.Status == e.Status.ToString()));
            if ((arrived && quiet.Elapsed > TimeSpan.FromSeconds(3)) || quiet.Elapsed > TimeSpan.FromSeconds(15))
            {
                break;
            }

            await Task.Delay(200, cancellationToken);
        }

        return watch.Elapsed;
    }

    private static string LogFile(string database) => Path.Combine(Path.GetDirectoryName(database)!, Path.GetFileNameWithoutExtension(database) + "-log" + Path.GetExtension(database));
}
