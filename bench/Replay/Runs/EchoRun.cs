using System.Diagnostics;
using OutreachBot.Bench.Replay.Chat;
using OutreachBot.Bench.Replay.Fakes;
using OutreachBot.Bench.Replay.Host;

namespace OutreachBot.Bench.Replay.Runs;

public sealed record EchoResult(Metrics Metrics, TimeSpan Elapsed, long PeakMemory, TimeSpan HostCpu, int Mismatched)
{
    public int Turns => Metrics.TurnsOf();

    public double TurnsPerSecond => Turns / Elapsed.TotalSeconds;
}

/// <summary>
/// The baseline: the host in its bare echo mode (Bot__Echo=true: same process, same HTTP adapter, no storage, no
/// dialogs), sent exactly the messages of the year run, job by job and phase by phase, with the same concurrency.
/// Echo mode has no /wechat, so the WeChat users' messages go to /api/messages too.
/// </summary>
public static class EchoRun
{
    public static async Task<EchoResult> RunAsync(IReadOnlyList<Session[]> phases, HostSetup setup, Outside outside, int concurrency, string work, string log, CancellationToken cancellationToken)
    {
        using var host = await HostProcess.StartAsync(setup, HostConfig.Echo(Path.Combine(work, "echo.db")), log, cancellationToken);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(90) };
        var metrics = new Metrics();
        var gate = new HostGate();
        var mismatched = 0;
        var cpuBefore = host.CpuTime();
        var watch = Stopwatch.StartNew();
        foreach (var phase in phases)
        {
            var next = -1;
            async Task WorkAsync()
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < phase.Length)
                {
                    if (phase[i] is not { } session)
                    {
                        continue;
                    }

                    var users = new Dictionary<string, ApiUser>(StringComparer.Ordinal);
                    var echoSession = new Session(metrics, gate);
                    foreach (var (_, userId, message) in session.Sent)
                    {
                        if (!users.TryGetValue(userId, out var user))
                        {
                            users[userId] = user = new ApiUser(http, host.BaseUrl, outside, userId) { Session = echoSession };
                        }

                        var reply = await user.SayAsync(message, cancellationToken);
                        if (reply.Texts.Count != 1 || !reply.Texts[0].StartsWith("收到：", StringComparison.Ordinal))
                        {
                            Interlocked.Increment(ref mismatched);
                        }
                    }
                }
            }

            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(WorkAsync, cancellationToken)));
        }

        var elapsed = watch.Elapsed;
        var cpu = host.CpuTime() - cpuBefore;
        var peak = host.PeakMemoryBytes();
        await host.StopAsync();
        return new EchoResult(metrics, elapsed, peak, cpu, mismatched);
    }
}
