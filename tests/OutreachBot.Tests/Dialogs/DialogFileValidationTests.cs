using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Dialogs;
using OutreachBot.Tests.Support;

namespace OutreachBot.Tests.Dialogs;

public sealed class DialogFileValidationTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private DialogFileException LoadFails(string file, string yaml)
    {
        File.WriteAllText(_folder.File(file), yaml);
        return Assert.Throws<DialogFileException>(() => DialogCatalog.Load(_folder.Path, [], []));
    }

    [Fact]
    public void Malformed_yaml_names_the_file_and_line()
    {
        var error = LoadFails("broken.yaml", "id: broken\ntitle: 坏了\nsteps:\n  - ask: text\n    slot: [unclosed\n");

        Assert.Contains(error.Problems, p => p.StartsWith("broken.yaml:", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_prompt_kind_is_refused_with_its_line()
    {
        var error = LoadFails("colour.yaml", "id: colour\ntitle: 颜色\nsteps:\n  - ask: colour\n    slot: c\n    question: 什么颜色？\n");

        Assert.Contains("colour.yaml:4: unknown prompt kind 'colour'", error.Problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public void An_unregistered_action_is_refused()
    {
        var error = LoadFails("act.yaml", "id: act\ntitle: 动作\nsteps:\n  - do: ledger.nothing\n");

        Assert.Equal("act.yaml:4: no action named 'ledger.nothing' is registered", Assert.Single(error.Problems));
    }

    [Fact]
    public void A_placeholder_for_a_slot_no_earlier_step_fills_is_refused()
    {
        var error = LoadFails("slot.yaml", "id: slot\ntitle: 槽\nsteps:\n  - say: 您好，{name}\n  - ask: text\n    slot: name\n    question: 叫什么？\n");

        Assert.Equal("slot.yaml:4: '{name}' is not a slot filled by an earlier step", Assert.Single(error.Problems));
    }

    [Fact]
    public void Typos_in_keys_and_missing_parts_are_all_reported_at_once()
    {
        var error = LoadFails("typo.yaml", "id: typo\ntitle: 错字\nsteps:\n  - ask: text\n    slot: a\n    qestion: 问题？\n  - ask: choice\n    slot: b\n    question: 选？\n");

        Assert.Contains(error.Problems, p => p.Contains("typo.yaml:6: unknown key 'qestion'", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("'question' is required", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("a choice needs options or optionsFrom", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_products_own_dialog_files_load_with_the_actions_the_host_registers()
    {
        // The actions and option sources every feature registers, so a feature's new dialog files need no edit here.
        await using var bot = new BotHarness(_folder.File("bot.db"), services: TestDialogs.Register);

        var catalog = DialogCatalog.Load(TestDialogs.CombinedFolder(_folder), bot.Services.GetServices<IDialogAction>(), bot.Services.GetServices<IOptionSource>());

        Assert.NotNull(catalog.Find("survey"));
    }

    [Fact]
    public async Task The_host_refuses_to_start_on_a_broken_dialog_file()
    {
        var folder = TestDialogs.CombinedFolder(_folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "broken.yaml"), "id: broken\ntitle: 坏了\nsteps:\n  - ask: colour\n    slot: c\n    question: 什么颜色？\n");
        await using var host = new BotTestHost(_folder.File("bot.db"), new Dictionary<string, string?> { ["Dialogs:Path"] = folder });

        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        Assert.Contains("broken.yaml:4: unknown prompt kind 'colour'", error.ToString(), StringComparison.Ordinal);
    }
}
