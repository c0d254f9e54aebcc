using System.Globalization;
using System.Text;
using OutreachBot.Bench.Replay.Chat;
using OutreachBot.Bench.Replay.County;
using OutreachBot.Bench.Replay.Scripts;
using OutreachBot.Bench.Replay.Runs;
using OutreachBot.Bench.Replay.Year;
using OutreachBot.Ledger;

namespace OutreachBot.Bench.Replay;

/// <summary>What the run found, printed and (with --write) written into the Replay section of bench/RESULTS.md.</summary>
public sealed class Report(ReplayOptions options)
{
    public const string Start = "<!-- replay:start -->";
    public const string End = "<!-- replay:end -->";

    private readonly DateTimeOffset _started = DateTimeOffset.UtcNow;
    private readonly string _loadAtStart = LoadAverage();

    public CountyModel? County { get; set; }

    public YearResult? Year { get; set; }

    public EchoResult? Echo { get; set; }

    public YearResult? Crash { get; set; }

    public ConcurrencyDrill.Result? Concurrent { get; set; }

    public BadInputDrill.Result? BadInput { get; set; }

    public bool Passed => Drills().All(d => d.Pass) && (Year?.Findings.FiguresMatch ?? true);

    public void Print(TextWriter output) => output.WriteLine(Markdown());

    public void WriteResults(string path)
    {
        var text = File.Exists(path) ? File.ReadAllText(path) : "# Benchmark results\n";
        var section = Start + "\n" + Markdown().TrimEnd() + "\n" + End;
        var from = text.IndexOf(Start, StringComparison.Ordinal);
        var to = text.IndexOf(End, StringComparison.Ordinal);
        text = from >= 0 && to > from
            ? text[..from] + section + text[(to + End.Length)..]
            : text.TrimEnd() + "\n" + section + "\n";
        File.WriteAllText(path, text);
    }

    public IEnumerable<(string Name, bool Pass, string Detail)> Drills()
    {
        if (Year is { } year)
        {
            var f = year.Findings;
            var webhookPass = f.WebhookUndelivered == 0 && f.WebhookKeysMissing == 0 && f.WebhookEntriesWrong == 0 && year.WebhookRefused > 0;
            yield return ("webhook down for part of the run", webhookPass,
                $"down {year.Outage.TotalSeconds:0} s (months 4–5), {year.WebhookRefused} deliveries answered 503; afterwards {f.WebhookRecords} outbox records, {f.WebhookUndelivered} undelivered, " +
                $"{f.WebhookKeysReceived} idempotency keys received, {f.WebhookKeysMissing} missing, {f.WebhookRedelivered} received more than once (answered 409), {f.WebhookEntriesWrong} entries arrived wrong or not exactly once; drained {year.Drain.TotalSeconds:0} s after the last turn");
        }

        if (Crash is { } crash)
        {
            var f = crash.Findings;
            var pass = crash.Kills.Count > 0 && crash.Metrics.Resends > 0 && f.FiguresMatch && f.WebhookUndelivered == 0 && f.WebhookKeysMissing == 0 && f.WebhookEntriesWrong == 0;
            yield return ("kill -9 mid-replay, restart on the same file, resend what was unanswered: nothing lost or duplicated", pass,
                $"{crash.Kills.Count} kills ({string.Join(", ", crash.Kills.Select(k => $"month {k.Month}: {k.ConfirmsInFlight} \"对\" in flight, back in {k.Downtime.TotalSeconds:0.0} s"))}); " +
                $"{crash.Metrics.Resends} messages resent (same activity id on /api/messages, same MsgId on /wechat); visits: {f.VisitsConfirmed} confirmed, {f.VisitsInDatabase} in the file, {f.VisitsLost} lost, {f.VisitsDuplicated} duplicated; " +
                $"entries: {f.EntriesConfirmed} confirmed, {f.EntriesInDatabase} in the file, {f.EntriesLost} lost, {f.EntriesDuplicated} duplicated, {f.EntriesWrongStatus} with another status than confirmed; close-outs {f.CloseOutsLost} lost, {f.CloseOutsDuplicated} duplicated; " +
                $"webhook: {f.WebhookUndelivered} undelivered, {f.WebhookKeysMissing} keys missing, {f.WebhookRedelivered} redelivered (answered 409)");
            yield return ("kill -9: every resent message answered", Talk.UnansweredResends == 0 && crash.Swallowed == 0,
                $"{Talk.UnansweredResends} of {crash.Metrics.Resends} resent messages were answered with nothing (HTTP 200, no activity; WeChat \"success\" with no customer-service message: {crash.Swallowed}): " +
                "a message the host had taken in before the kill is not run twice; its saved answer is given again (the replay sends 帮助 after an empty answer to find its question)");
        }

        if (Concurrent is { } concurrent)
        {
            yield return ("two messages of one conversation at the same moment", concurrent.Pass, concurrent.Detail);
        }

        if (BadInput is { } bad)
        {
            yield return ("random and hostile input mid-dialog", bad.Pass, bad.Detail);
        }
    }

    private string Markdown()
    {
        var text = new StringBuilder();
        text.AppendLine("## Replay: a county-year through the real endpoints");
        text.AppendLine();
        text.AppendLine($"- Date: {_started:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine($"- Machine: {Machine()}; load average {_loadAtStart} at the start, {LoadAverage()} at the end (the 2 cores are shared with other builds)");
        text.AppendLine($"- Command: `{options.CommandLine.Trim()}` (host: Release build of src/OutreachBot, run as `dotnet OutreachBot.dll --urls http://127.0.0.1:<port>`)");
        if (options.HostNote.Length > 0)
        {
            text.AppendLine($"- Host build: {options.HostNote}");
        }

        if (County is { } county)
        {
            text.AppendLine($"- County: {county.Cadres.Count:N0} cadres, {county.Households.Count:N0} households, all paired ({county.PairingCount:N0} pairings), {county.Villages.Count} villages " +
                "(bench/RosterImport's generator), imported with `import-roster`; 4 WeChat cadres bound by `bind-code` + \"绑定 <code>\" in the chat, every other cadre and staff identity bound directly in the LiteDB file before start");
        }

        if (Year is { } year)
        {
            var m = year.Metrics;
            var f = year.Findings;
            text.AppendLine($"- Year at scale {options.Scale}: {f.VisitsConfirmed:N0} visits through 记录走访, {year.Runner.Expected.Raises.Count(r => r.Key.StartsWith("〔R", StringComparison.Ordinal)):N0} problems raised by villagers through 我要反映 " +
                $"(+{year.Runner.Expected.Raises.Count(r => r.Key.StartsWith("〔V", StringComparison.Ordinal)):N0} raised by cadres from a visit), {year.Runner.Expected.CloseOuts.Count:N0} close-outs (对账销号), follow-ups (评价), policy questions and queries; " +
                $"{options.Concurrency} conversations at a time; {m.TurnsOf("api"):N0} turns on /api/messages (expectReplies), {m.TurnsOf("wechat"):N0} on /wechat (safe mode: signed and AES-encrypted)");
            text.AppendLine();
            text.AppendLine("| | turns | wall time | turns/s | p50 ms | p95 ms | p99 ms | max ms | host CPU per turn | host peak memory (VmHWM) |");
            text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            var all = m.LatencyOf();
            text.AppendLine(Row("OutreachBot, all turns", year.Turns, year.Elapsed, all, year.HostCpu, year.PeakMemory));
            text.AppendLine(Row("… on /api/messages", m.TurnsOf("api"), null, m.LatencyOf("api"), null, null));
            text.AppendLine(Row("… on /wechat", m.TurnsOf("wechat"), null, m.LatencyOf("wechat"), null, null));
            if (Echo is { } echo)
            {
                text.AppendLine(Row("echo mode, the same messages (all on /api/messages)", echo.Turns, echo.Elapsed, echo.Metrics.LatencyOf(), echo.HostCpu, echo.PeakMemory));
                text.AppendLine();
                var ours = year.HostCpu.TotalMilliseconds / year.Turns;
                var base0 = echo.HostCpu.TotalMilliseconds / echo.Turns;
                text.AppendLine($"Ratio to echo, same run: host CPU per turn {ours:0.00} ms vs {base0:0.00} ms = **{ours / base0:0.0}×**; " +
                    $"p50 latency {all.P50:0.0} vs {echo.Metrics.LatencyOf().P50:0.0} ms = {all.P50 / echo.Metrics.LatencyOf().P50:0.0}×; " +
                    $"throughput {year.TurnsPerSecond:0} vs {echo.TurnsPerSecond:0} turns/s = {echo.TurnsPerSecond / year.TurnsPerSecond:0.0}× fewer. " +
                    $"/api/messages turns only: p50 {m.LatencyOf("api").P50:0.0} ms vs {echo.Metrics.LatencyOf().P50:0.0} ms. Echo answered {echo.Turns - echo.Mismatched:N0} of {echo.Turns:N0} with its echo.");
            }

            text.AppendLine();
            text.AppendLine($"Database file after the year: {year.DatabaseBytes / 1024.0 / 1024.0:0.0} MB. HTTP statuses: {string.Join(", ", m.Statuses.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} × {s.Value:N0}"))}; " +
                $"turns without any reply: {m.Unanswered}." + string.Concat(m.Counts.Select(c => $" {c.Key}: {c.Value}.")));
            text.AppendLine();
            text.AppendLine("Figures read from the LiteDB file after the host stopped, against what the replay sent and the bot confirmed:");
            text.AppendLine();
            text.AppendLine("| figure | sent / expected | in the file | |");
            text.AppendLine("| --- | ---: | ---: | --- |");
            text.AppendLine($"| visits | {f.VisitsConfirmed:N0} | {f.VisitsInDatabase:N0} | {Check(f.VisitsConfirmed + f.VisitsUnconfirmed == f.VisitsInDatabase && f.VisitsLost == 0 && f.VisitsDuplicated == 0 && f.VisitsWrong == 0)} |");
            foreach (var (kind, (sent, stored)) in f.VisitsByKind)
            {
                text.AppendLine($"| … {kind} | {sent:N0} | {stored:N0} | {Check(sent == stored)} |");
            }

            text.AppendLine($"| ledger entries | {f.EntriesConfirmed:N0} | {f.EntriesInDatabase:N0} | {Check(f.EntriesConfirmed == f.EntriesInDatabase && f.EntriesLost == 0 && f.EntriesDuplicated == 0)} |");
            foreach (var ((book, status), (expected, stored)) in f.EntriesByLedger.OrderBy(e => e.Key.Book).ThenBy(e => e.Key.Status))
            {
                text.AppendLine($"| … {book.ChineseName()} · {status.ChineseName()} | {expected:N0} | {stored:N0} | {Check(expected == stored)} |");
            }

            text.AppendLine($"| follow-up notices delivered (one per solved close-out) | {f.FollowUpNoticesExpected:N0} | {f.FollowUpNoticesExpected - f.FollowUpNoticesMissing:N0} | {Check(f.FollowUpNoticesMissing == 0)} |");
            foreach (var channel in new[] { "api", "wechat" })
            {
                // Each notice sent on its own is followed by the question (满意吗?) or, if the reporter is busy, a note to use 评价.
                int Of(string kind) => year.Proactive.GetValueOrDefault($"{channel} {kind}");
                var notices = Of("FollowUpNotice");
                var followed = Of("Satisfaction") + Of("Busy");
                text.AppendLine($"| … on {(channel == "api" ? "/api/messages" : "/wechat")}: notices sent on their own, each followed by the question or a \"busy\" note | {notices:N0} | {followed:N0} | {Check(notices == followed)} |");
            }
            text.AppendLine();
            text.AppendLine($"Every visit and entry is found by a token in its words: {f.VisitsLost} visits lost, {f.VisitsDuplicated} duplicated, {f.VisitsUnknown} unknown; " +
                $"{f.EntriesLost} entries lost, {f.EntriesDuplicated} duplicated, {f.EntriesWrongStatus} with another status than confirmed, {f.EntriesUnknown} unknown. **Figures match: {(f.FiguresMatch ? "yes" : "NO")}.**");
        }

        text.AppendLine();
        text.AppendLine("### Drills");
        text.AppendLine();
        foreach (var (name, pass, detail) in Drills())
        {
            text.AppendLine($"- **{(pass ? "PASS" : "FAIL")}** — {name}: {detail}");
        }

        var runs = new[] { ("year", Year), ("crash drill", Crash) }.Where(r => r.Item2 is not null).ToList();
        if (runs.Any(r => r.Item2!.Metrics.Problems.Count + r.Item2.Findings.Details.Count > 0))
        {
            text.AppendLine();
            text.AppendLine("### What went wrong");
            foreach (var (name, run) in runs)
            {
                // What the file disagrees on first (every one), then what the conversations ran into (the first 25).
                var details = run!.Findings.Details;
                var problems = run.Metrics.Problems;
                if (details.Count + problems.Count == 0)
                {
                    continue;
                }

                text.AppendLine();
                text.AppendLine($"{name}: {details.Count} disagreements with the file, {problems.Count} problems in the conversations" + (problems.Count > 25 ? " (first 25 listed)" : ""));
                text.AppendLine();
                foreach (var line in details.Take(100).Concat(problems.Take(25)))
                {
                    text.AppendLine($"- {line}");
                }
            }
        }

        return text.ToString();
    }

    private static string Row(string what, int turns, TimeSpan? elapsed, Latency latency, TimeSpan? cpu, long? memory) =>
        $"| {what} | {turns:N0} | {(elapsed is { } e ? $"{e.TotalSeconds:0} s" : "")} | {(elapsed is { } e2 ? $"{turns / e2.TotalSeconds:0.0}" : "")} | " +
        $"{latency.P50:0.0} | {latency.P95:0.0} | {latency.P99:0.0} | {latency.Max:0} | {(cpu is { } c ? $"{c.TotalMilliseconds / turns:0.00} ms" : "")} | {(memory is { } mem ? $"{mem / 1024.0 / 1024.0:0} MB" : "")} |";

    private static string Check(bool ok) => ok ? "✓" : "**✗**";

    private static string Machine()
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        var memory = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var os = File.Exists("/etc/os-release") ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?.Split('=', 2)[1].Trim('"') : null;
        return $"{Environment.ProcessorCount} × {cpu}, {long.Parse(memory, CultureInfo.InvariantCulture) / 1024 / 1024} GB RAM, {os ?? "Linux"} (kernel {Environment.OSVersion.Version}), .NET {Environment.Version}";
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
