using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using OutreachBot.Cli;
using OutreachBot.Roster.Import;

namespace OutreachBot.Roster;

/// <summary>
/// `import-roster seeds/roster` (a folder of townships.csv, villages.csv…), `import-roster roster.xlsx` (one sheet per
/// table), or one file per table: `import-roster --households households.xlsx --pairings pairings.csv`.
/// Every row is checked first; with any error nothing is written.
/// </summary>
public sealed class ImportRosterCommand : ICliCommand
{
    private const int MaxErrorsShown = 100;

    public Command Create(IServiceProvider services)
    {
        var path = new Argument<string?>("path") { Description = "文件夹（townships.csv、villages.csv……）或含多张表的 .xlsx 工作簿", Arity = ArgumentArity.ZeroOrOne };
        var check = new Option<bool>("--check") { Description = "只检查，不导入" };
        var tables = RosterTables.All.ToDictionary(t => t, t => new Option<string?>("--" + t.FileName()) { Description = $"{t.FileName()} 表（.csv 或 .xlsx）" });
        var command = new Command("import-roster", "从 CSV 或 Excel 导入花名册（乡镇、村、干部、工作人员、农户、结对）；有一行出错就什么都不写入") { path, check };
        foreach (var option in tables.Values)
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var root = services.GetRequiredService<IHostEnvironment>().ContentRootPath;
            RosterSource source;
            try
            {
                source = parse.GetValue(path) is { } given ? RosterSource.From(Locate(given, root)) : new RosterSource();
                foreach (var (table, option) in tables)
                {
                    if (parse.GetValue(option) is { } file)
                    {
                        source.With(table, Locate(file, root));
                    }
                }
            }
            catch (Exception e) when (e is IOException or InvalidDataException)
            {
                error.WriteLine(e.Message);
                return 1;
            }

            if (source.IsEmpty)
            {
                error.WriteLine("没有找到要导入的表。请给出文件夹、.xlsx 工作簿，或 --households 等选项。");
                return 1;
            }

            return DatabaseGuard.Run(error, () => Import(services, source, parse.GetValue(check), output, error));
        });
        return command;
    }

    /// <summary>
    /// `dotnet run --project` starts the program in the project folder, so a relative path is looked up in the
    /// working folder and, failing that, in the repository root (where appsettings.json is).
    /// </summary>
    private static string Locate(string path, string root) =>
        Path.IsPathRooted(path) || File.Exists(path) || Directory.Exists(path) ? Path.GetFullPath(path) : Path.GetFullPath(path, root);

    private static int Import(IServiceProvider services, RosterSource source, bool checkOnly, TextWriter output, TextWriter error)
    {
        if (services.GetRequiredService<IOptions<SeedOptions>>().Value.Demo)
        {
            error.WriteLine("注意：演示数据开着（Seeds:Demo），演示县的花名册也在这个数据库里。正式使用请设环境变量 Seeds__Demo=false，并用新的数据库文件。");
        }

        var importer = services.GetRequiredService<RosterImporter>();
        var watch = Stopwatch.StartNew();
        var plan = importer.Validate(source);
        if (plan.Errors.Count > 0)
        {
            error.WriteLine($"没有导入，数据库没有任何改动。发现 {plan.Errors.Count} 处问题：");
            foreach (var problem in plan.Errors.Take(MaxErrorsShown))
            {
                error.WriteLine(problem);
            }

            if (plan.Errors.Count > MaxErrorsShown)
            {
                error.WriteLine($"……另有 {plan.Errors.Count - MaxErrorsShown} 处没有列出。");
            }

            return 2;
        }

        if (checkOnly)
        {
            output.WriteLine($"检查通过：共 {plan.Rows} 行，可以导入。");
            return 0;
        }

        var counts = importer.Apply(plan);
        output.WriteLine($"导入完成（{watch.Elapsed.TotalSeconds:0.0} 秒）：{counts}。");
        return 0;
    }
}
