using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Cli;
using OutreachBot.Identity;
using OutreachBot.Storage;
using OutreachBot.Tests.Support;
using OutreachBot.Storage.LiteDb;

namespace OutreachBot.Tests.Identity;

/// <summary>`dotnet run --project src/OutreachBot -- bind-code --cadre C101`, run against a host on a temp file.</summary>
public sealed class BindCodeCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Bind_code_prints_a_code_and_its_expiry_and_the_code_binds_in_the_chat()
    {
        await using var host = new BotHarness(_folder.File("bot.db"));

        var (exit, output, error) = await RunAsync(host, "--cadre", "C101");
        var code = output.Split('\n')[0].Split('：')[1].Trim();
        var bound = host.Services.GetRequiredService<IdentityService>().Bind("wechat", "o-1", code);

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Matches("^[0-9]{8}$", code);
        Assert.Contains("林文涛", output, StringComparison.Ordinal);
        Assert.Matches("有效期至：20[0-9]{2}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}（北京时间）", output);
        Assert.Contains($"绑定 {code}", output, StringComparison.Ordinal);
        Assert.True(bound.Succeeded);
    }

    [Theory]
    [InlineData(new[] { "--cadre", "C999" }, "没有编号为 C999 的干部")]
    [InlineData(new string[0], "--cadre")]
    [InlineData(new[] { "--cadre", "C101", "--staff", "S02" }, "中的一个")]
    public async Task Bind_code_explains_what_is_wrong(string[] args, string expected)
    {
        await using var host = new BotHarness(_folder.File("bot.db"));

        var (exit, _, error) = await RunAsync(host, args);

        Assert.Equal(1, exit);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task While_the_bot_holds_the_database_bind_code_says_so_instead_of_writing()
    {
        var path = _folder.File("bot.db");
        await using var running = new BotHarness(path);
        await using var admin = CliRunner.Host(path);

        var (exit, output, error) = await CliRunner.RunAsync<BindCodeCommand>(admin.Services, "--staff", "S02");

        Assert.Equal(DatabaseGuard.InUseExitCode, exit);
        Assert.Equal("", output);
        Assert.Contains("正被另一个程序使用，多半是机器人正在运行", error, StringComparison.Ordinal);
        Assert.Contains("请先停止机器人", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_open_of_the_same_file_is_refused_until_the_first_is_closed()
    {
        var options = new StorageOptions { Path = _folder.File("bot.db") };
        var first = Database.Open(options, _folder.Path);

        Assert.Throws<DatabaseInUseException>(() => Database.Open(options, _folder.Path));
        first.Dispose();
        using var second = Database.Open(options, _folder.Path);
    }

    private static Task<(int Exit, string Output, string Error)> RunAsync(BotHarness host, params string[] args) =>
        CliRunner.RunAsync<BindCodeCommand>(host.Services, args);
}
