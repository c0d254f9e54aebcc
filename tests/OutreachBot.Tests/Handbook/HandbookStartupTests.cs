using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Cli;
using OutreachBot.Handbook;
using OutreachBot.Handbook.Search;
using OutreachBot.Tests.Support;

namespace OutreachBot.Tests.Handbook;

/// <summary>The handbook is indexed once at start-up from Handbook:Path; a bad path stops start-up with a clear message.</summary>
public sealed class HandbookStartupTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task The_configured_handbook_is_indexed_once_and_the_answerer_and_ask_are_registered()
    {
        await using var bot = new BotHarness(_folder.File("bot.db"));

        var index = bot.Services.GetRequiredService<HandbookIndex>();

        Assert.Same(index, bot.Services.GetRequiredService<HandbookIndex>());
        Assert.Same(index, bot.Services.GetRequiredService<PolicyAnswerer>().Index);
        Assert.True(index.Sections.Count >= 40);
        Assert.Contains(bot.Services.GetServices<ICliCommand>(), c => c is AskCommand);
    }

    [Fact]
    public async Task Another_handbook_folder_can_be_configured()
    {
        var handbook = Directory.CreateDirectory(_folder.File("handbook")).FullName;
        File.WriteAllText(Path.Combine(handbook, "made-up.md"), MadeUpHandbook.Markdown);
        File.WriteAllText(Path.Combine(handbook, "synonyms.txt"), "# 本地说法\n小船 舢板 => 渔船\n");

        await using var bot = new BotHarness(_folder.File("bot.db"), new Dictionary<string, string?> { ["Handbook:Path"] = handbook });
        var answerer = bot.Services.GetRequiredService<PolicyAnswerer>();

        Assert.Equal(4, answerer.Index.Sections.Count);
        Assert.Equal("修补渔船", answerer.Answer("舢板被打坏了补多少").Title);
    }

    [Fact]
    public void A_missing_handbook_folder_stops_start_up_naming_the_setting_and_the_path()
    {
        var missing = _folder.File("no-such-handbook");

        var error = Assert.Throws<InvalidOperationException>(() => new BotHarness(_folder.File("bot.db"), new Dictionary<string, string?> { ["Handbook:Path"] = missing }));

        Assert.Contains("Handbook:Path", error.Message);
        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public void A_handbook_without_sections_stops_start_up()
    {
        var empty = Directory.CreateDirectory(_folder.File("empty")).FullName;
        File.WriteAllText(Path.Combine(empty, "intro.md"), "# 只有一级标题\n没有小节。");

        var error = Assert.Throws<InvalidOperationException>(() => new BotHarness(_folder.File("bot.db"), new Dictionary<string, string?> { ["Handbook:Path"] = empty }));

        Assert.Contains("no sections", error.Message);
    }
}
