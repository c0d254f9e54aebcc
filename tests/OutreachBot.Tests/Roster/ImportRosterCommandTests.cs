using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Roster;
using OutreachBot.Tests.Support;

namespace OutreachBot.Tests.Roster;

/// <summary>`dotnet run --project src/OutreachBot -- import-roster …` as an administrator runs it.</summary>
public sealed class ImportRosterCommandTests : IDisposable
{
    private static readonly Dictionary<string, string?> DemoOff = new() { ["Seeds:Demo"] = "false" };
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_folder_with_one_bad_row_is_not_imported_and_the_row_is_named()
    {
        var folder = Path.Combine(_folder.Path, "roster");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(DemoCounty.RosterFolder, "*.csv"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        File.AppendAllLines(Path.Combine(folder, "households.csv"), ["H9000001,V0101,一组,黄小明,4,,139123"]);
        File.AppendAllLines(Path.Combine(folder, "pairings.csv"), ["C101,H9000001"]);
        await using var host = CliRunner.Host(_folder.File("bot.db"), DemoOff);

        var (exit, output, error) = await CliRunner.RunAsync<ImportRosterCommand>(host.Services, folder);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Equal(
            """
            没有导入，数据库没有任何改动。发现 1 处问题：
            households.csv 第 152 行：电话“139123”不是有效的手机号（应为 11 位数字，以 13–19 开头）。

            """,
            error);
        Assert.Equal(new RosterCounts(0, 0, 0, 0, 0), host.Services.GetRequiredService<IRosterStore>().Count());
    }

    [Fact]
    public async Task A_relative_path_is_found_from_the_repository_root_and_imported()
    {
        await using var host = CliRunner.Host(_folder.File("bot.db"), DemoOff);

        var (exit, output, error) = await CliRunner.RunAsync<ImportRosterCommand>(host.Services, "seeds/roster");

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Contains("户 新增 150、更新 0", output, StringComparison.Ordinal);
        Assert.Equal(150, host.Services.GetRequiredService<IRosterStore>().Count().Households);
    }

    [Fact]
    public async Task Check_only_writes_nothing()
    {
        await using var host = CliRunner.Host(_folder.File("bot.db"), DemoOff);

        var (exit, output, _) = await CliRunner.RunAsync<ImportRosterCommand>(host.Services, DemoCounty.RosterFolder, "--check");

        Assert.Equal(0, exit);
        Assert.StartsWith("检查通过", output, StringComparison.Ordinal);
        Assert.Equal(0, host.Services.GetRequiredService<IRosterStore>().Count().Households);
    }

    [Fact]
    public async Task With_the_demo_on_the_administrator_is_warned_that_the_demo_county_is_in_the_file()
    {
        await using var host = CliRunner.Host(_folder.File("bot.db"));

        var (_, _, error) = await CliRunner.RunAsync<ImportRosterCommand>(host.Services, DemoCounty.RosterFolder, "--check");

        Assert.Contains("Seeds__Demo=false", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], "没有找到要导入的表")]
    [InlineData(new[] { "no/such/folder" }, "既不是文件夹")]
    public async Task Nothing_to_import_is_explained(string[] args, string expected)
    {
        await using var host = CliRunner.Host(_folder.File("bot.db"), DemoOff);

        var (exit, _, error) = await CliRunner.RunAsync<ImportRosterCommand>(host.Services, args);

        Assert.Equal(1, exit);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
