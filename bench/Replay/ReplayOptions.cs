using System.Globalization;

namespace OutreachBot.Bench.Replay;

/// <summary>
/// dotnet run -c Release --project bench/Replay -- [--scale 1] [--concurrency 16] [--host path/OutreachBot.dll]
///     [--only replay,echo,crash,concurrent,bad-input] [--crash-scale 0.1] [--kills 4] [--seed 2017] [--write] [--keep]
///     [--host-note "what the host build is"]
/// </summary>
public sealed record ReplayOptions
{
    public double Scale { get; init; } = 1.0;

    public int Concurrency { get; init; } = 16;

    public string HostDll { get; init; } = Paths.DefaultHostDll;

    public HashSet<string> Only { get; init; } = ["replay", "echo", "crash", "concurrent", "bad-input"];

    /// <summary>The year the crash drill replays (smaller: it is about exactness, not speed).</summary>
    public double CrashScale { get; init; } = 0.1;

    public int Kills { get; init; } = 4;

    public int Seed { get; init; } = 2017;

    public bool Write { get; init; }

    public bool Keep { get; init; }

    public string CommandLine { get; init; } = "";

    /// <summary>What the host build is (which commit, which changes), for the results.</summary>
    public string HostNote { get; init; } = "";

    public bool Runs(string part) => Only.Contains(part);

    public static ReplayOptions Parse(string[] args)
    {
        var shown = args.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a);
        var options = new ReplayOptions { CommandLine = "dotnet run -c Release --project bench/Replay --" + string.Concat(shown.Select(a => " " + a)) };
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--scale" => options with { Scale = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--concurrency" => options with { Concurrency = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--host" => options with { HostDll = Path.GetFullPath(Next()) },
                "--only" => options with { Only = [.. Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)] },
                "--crash-scale" => options with { CrashScale = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--kills" => options with { Kills = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--seed" => options with { Seed = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--write" => options with { Write = true },
                "--keep" => options with { Keep = true },
                "--host-note" => options with { HostNote = Next() },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return options;
    }
}
