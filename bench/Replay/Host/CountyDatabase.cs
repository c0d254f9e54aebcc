using System.Diagnostics;
using System.Text.RegularExpressions;
using OutreachBot.Bench.Replay.County;
using OutreachBot.Bench.Replay.Year;
using OutreachBot.Identity;
using OutreachBot.Storage;
using OutreachBot.Storage.LiteDb;
using OutreachBot.Storage.LiteDb.Identity;

namespace OutreachBot.Bench.Replay.Host;

/// <summary>
/// The database file the host starts on, made as an administrator would: the county's roster through the host's own
/// <c>import-roster</c> command, one-time codes through <c>bind-code</c> for a few WeChat cadres (who then bind by
/// typing "绑定 &lt;code&gt;" in the chat), and every other cadre's and staff member's chat identity bound directly in
/// the file (bind codes cost a PBKDF2 hash each: typing 3,800 of them is not what this benchmark measures).
/// </summary>
public static partial class CountyDatabase
{
    [GeneratedRegex(@"绑定码：(?<code>\d{8})")]
    private static partial Regex CodeLine();

    public sealed record Prepared(string Path, IReadOnlyDictionary<string, string> Codes, TimeSpan ImportTime);

    public static async Task<Prepared> CreateAsync(HostSetup setup, CountyModel county, YearPlan plan, string path, int codes)
    {
        var environment = new Dictionary<string, string>
        {
            ["Storage__Path"] = path,
            ["Seeds__Demo"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        var watch = Stopwatch.StartNew();
        var (exit, output) = await CliAsync(setup, environment, "import-roster", county.Folder);
        if (exit != 0)
        {
            throw new InvalidOperationException("import-roster failed:\n" + output);
        }

        var importTime = watch.Elapsed;
        var bindByCode = plan.Cadres.Values.Where(p => p.OnWeChat).OrderBy(p => p.PersonId, StringComparer.Ordinal).Take(codes).ToList();
        var issued = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var cadre in bindByCode)
        {
            (exit, output) = await CliAsync(setup, environment, "bind-code", "--cadre", cadre.PersonId!);
            var code = CodeLine().Match(output);
            if (exit != 0 || !code.Success)
            {
                throw new InvalidOperationException("bind-code failed:\n" + output);
            }

            issued[cadre.UserId] = code.Groups["code"].Value;
        }

        using (var db = Database.Open(new StorageOptions { Path = path }, System.IO.Path.GetDirectoryName(path)!))
        {
            var bindings = new LiteDbBindingStore(db);
            var now = DateTimeOffset.UtcNow;
            db.BeginTrans();
            foreach (var person in plan.Cadres.Values.Concat(plan.Staff.Values).Where(p => !issued.ContainsKey(p.UserId)))
            {
                var channel = person.OnWeChat ? "wechat" : Chat.ApiUser.ChannelId;
                bindings.Save(new Binding(channel, person.UserId, person.Role == "staff" ? Role.Staff : Role.Cadre, person.PersonId!, now));
            }

            db.Commit();
        }

        return new Prepared(path, issued, importTime);
    }

    private static async Task<(int Exit, string Output)> CliAsync(HostSetup setup, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet", [setup.HostDll, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = setup.ContentRoot,
        };
        info.Environment["OUTREACHBOT_ROOT"] = setup.ContentRoot;
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
