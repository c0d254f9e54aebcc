using System.Text.Json;
using OutreachBot.Cli;
using OutreachBot.Tests.Support;

namespace OutreachBot.Tests.Handbook;

/// <summary>`ask` run in-process, on a made-up handbook given with --handbook.</summary>
public sealed class AskCommandTests : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _folder = new();
    private BotHarness _bot = null!;

    public Task InitializeAsync()
    {
        _bot = new BotHarness(_folder.File("bot.db"));
        File.WriteAllText(_folder.File("made-up.md"), MadeUpHandbook.Markdown);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    public void Dispose() => _folder.Dispose();

    private async Task<(int Code, string[] Output, string[] Errors)> AskAsync(string? question, string? questions, string? handbook = "made-up.md", string input = "")
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = await AskCommand.RunAsync(_bot.Services, question, handbook is null ? null : _folder.File(handbook), questions, new StringReader(input), output, errors, CancellationToken.None);
        return (code, Lines(output), Lines(errors));
    }

    private static string[] Lines(StringWriter writer) => writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public async Task Each_question_line_gets_a_line_of_ranked_section_titles()
    {
        File.WriteAllLines(_folder.File("q.jsonl"), [
            """{"q": "渔船坏了能补多少"}""",
            """{"q": "canfang怎么管", "expect": "养蚕技术"}""",
            """{"q": "股票怎么买"}""",
        ]);

        var (code, output, errors) = await AskAsync(null, _folder.File("q.jsonl"));

        Assert.Equal(0, code);
        Assert.Empty(errors);
        Assert.Equal(3, output.Length);
        var first = JsonDocument.Parse(output[0]).RootElement;
        Assert.Equal("渔船坏了能补多少", first.GetProperty("q").GetString());
        Assert.Equal("修补渔船", first.GetProperty("ranked")[0].GetString());
        Assert.InRange(first.GetProperty("ranked").GetArrayLength(), 1, 5);
        Assert.Equal("养蚕技术", JsonDocument.Parse(output[1]).RootElement.GetProperty("ranked")[0].GetString());
        Assert.Equal(0, JsonDocument.Parse(output[2]).RootElement.GetProperty("ranked").GetArrayLength());
        Assert.Contains("渔船坏了", output[0]); // Chinese stays readable, not \u escapes
    }

    [Fact]
    public async Task A_bad_line_gets_an_error_line_in_its_place_and_the_other_lines_are_answered()
    {
        var input = string.Join('\n',
            """{"q": "哪天赶集"}""",
            "not json at all",
            """{"question": "渔船"}""",
            """{"q": 5}""",
            """{"q": "  "}""",
            "[1, 2]",
            "",
            """{"q": "台风来了船停哪里"}""");

        var (code, output, errors) = await AskAsync(null, "-", input: input);

        Assert.Equal(1, code);
        Assert.Equal(7, output.Length); // the blank line is skipped
        Assert.Equal("集市时间", JsonDocument.Parse(output[0]).RootElement.GetProperty("ranked")[0].GetString());
        string[] expected = ["not JSON", "no \"q\" field", "\"q\" must be a string", "\"q\" is empty", "expected an object"];
        for (var i = 0; i < expected.Length; i++)
        {
            var line = JsonDocument.Parse(output[i + 1]).RootElement;
            Assert.Equal(i + 2, line.GetProperty("line").GetInt32());
            Assert.Contains(expected[i], line.GetProperty("error").GetString());
            Assert.StartsWith($"line {i + 2}: ", errors[i]);
        }

        Assert.Equal("码头停船", JsonDocument.Parse(output[6]).RootElement.GetProperty("ranked")[0].GetString());
    }

    [Fact]
    public async Task The_single_question_form_prints_the_reply_a_villager_would_get()
    {
        var (code, output, errors) = await AskAsync("渔船坏了能补多少", null);

        Assert.Equal(0, code);
        Assert.Equal("【修补渔船】", output[0]);
        Assert.StartsWith("补多少：", output[1]);
        Assert.Contains(output, l => l.StartsWith("想了解更多", StringComparison.Ordinal));
        Assert.Contains("修补渔船", errors[0]);
    }

    [Fact]
    public async Task Without_handbook_the_configured_handbook_answers()
    {
        var (code, output, _) = await AskAsync("低保怎么申请", null, handbook: null);

        Assert.Equal(0, code);
        Assert.Equal("【低保怎么申请】", output[0]);
    }

    [Fact]
    public async Task Relative_paths_typed_at_the_repository_root_are_found()
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var code = await AskCommand.RunAsync(_bot.Services, null, "seeds/handbook", "tests/OutreachBot.Tests/Handbook/eval/out_of_scope.jsonl", TextReader.Null, output, errors, CancellationToken.None);

        Assert.Equal(0, code);
        Assert.Equal(File.ReadLines(Path.Combine(OutreachBot.Hosting.ContentRoot.Locate(), "tests/OutreachBot.Tests/Handbook/eval/out_of_scope.jsonl")).Count(), Lines(output).Length);
    }

    [Fact]
    public async Task A_missing_handbook_or_questions_file_or_no_question_is_a_usage_error()
    {
        Assert.Equal(2, (await AskAsync("渔船", null, handbook: "nowhere.md")).Code);
        var missingFile = await AskAsync(null, _folder.File("missing.jsonl"));
        Assert.Equal(2, missingFile.Code);
        Assert.Contains("does not exist", missingFile.Errors[0]);
        Assert.Equal(2, (await AskAsync(null, null)).Code);
    }
}
