using System.Diagnostics;
using System.Globalization;

namespace OutreachBot.Bench.Replay.Host;

/// <summary>
/// The real host as its own process: <c>dotnet OutreachBot.dll --urls http://127.0.0.1:port</c>, configured only by
/// environment variables, its output in a log file. The replay reads its memory high-water mark and CPU time from
/// /proc, stops it with SIGTERM (a graceful shutdown) or kills it with SIGKILL (the crash drill).
/// </summary>
public sealed class HostProcess : IDisposable
{
    private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(2) };
    private readonly Process _process;

    private HostProcess(Process process, Uri baseUrl, string log)
    {
        _process = process;
        BaseUrl = baseUrl;
        Log = log;
    }

    public Uri BaseUrl { get; }

    public string Log { get; }

    public int Pid => _process.Id;

    public bool Exited => _process.HasExited;

    /// <summary>Starts the host and waits until /healthz answers 200 (it opens the database and indexes the handbook first).</summary>
    public static async Task<HostProcess> StartAsync(HostSetup setup, IReadOnlyDictionary<string, string> environment, string log, CancellationToken cancellationToken = default)
    {
        var baseUrl = new Uri($"http://127.0.0.1:{setup.Port}/");
        if (!await PortFreeAsync(baseUrl))
        {
            throw new InvalidOperationException($"Something already answers on {baseUrl}; a host from an earlier run may still be running.");
        }

        var info = new ProcessStartInfo("dotnet", [setup.HostDll, "--urls", baseUrl.ToString().TrimEnd('/')])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = setup.ContentRoot,
        };
        info.Environment["OUTREACHBOT_ROOT"] = setup.ContentRoot;
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var writer = new StreamWriter(log, append: true) { AutoFlush = true };
        void Write(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is { } line)
            {
                lock (writer)
                {
                    writer.WriteLine(line);
                }
            }
        }

        process.OutputDataReceived += Write;
        process.ErrorDataReceived += Write;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) =>
        {
            // Let the last lines drain before the log is closed.
            process.WaitForExit();
            lock (writer)
            {
                writer.Dispose();
            }
        };
        var host = new HostProcess(process, baseUrl, log);
        var watch = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with {process.ExitCode} during start-up; see {log}:\n{Tail(log)}");
            }

            try
            {
                using var response = await Probe.GetAsync(new Uri(baseUrl, "healthz"), cancellationToken);
                if (response.IsSuccessStatusCode && !process.HasExited)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            if (watch.Elapsed > TimeSpan.FromMinutes(3))
            {
                host.Kill();
                throw new TimeoutException($"The host did not answer /healthz within 3 minutes; see {log}");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>Peak resident memory (VmHWM) in bytes.</summary>
    public long PeakMemoryBytes() => StatusField("VmHWM:");

    public long CurrentMemoryBytes() => StatusField("VmRSS:");

    /// <summary>User plus system CPU time the host has used so far.</summary>
    public TimeSpan CpuTime()
    {
        if (_process.HasExited)
        {
            return TimeSpan.Zero;
        }

        var stat = File.ReadAllText($"/proc/{Pid}/stat");
        // Fields after the command name (which is in parentheses and may hold spaces): utime is the 14th field.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    /// <summary>SIGKILL: no shutdown, no flush, as when the machine loses power or the OOM killer strikes.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    private static async Task<bool> PortFreeAsync(Uri baseUrl)
    {
        try
        {
            using var response = await Probe.GetAsync(new Uri(baseUrl, "healthz"));
            return false;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return true;
        }
    }

    /// <summary>SIGTERM, as systemd or docker stop would: the host finishes running work and closes the database.</summary>
    public async Task StopAsync(TimeSpan? timeout = null)
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", Pid.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill!.WaitForExitAsync();
        }

        using var wait = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"The host did not stop within its timeout after SIGTERM; killed. See {Log}");
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private long StatusField(string name)
    {
        if (_process.HasExited)
        {
            return 0;
        }

        foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
        {
            if (line.StartsWith(name, StringComparison.Ordinal))
            {
                var kb = line[name.Length..].Trim().Split(' ')[0];
                return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }

    private static string Tail(string log) =>
        File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(30)) : "(no log)";
}

/// <summary>Where the host is and how it is started.</summary>
public sealed record HostSetup(string HostDll, string ContentRoot, int Port);
