using OutreachBot.Tests.Support;

namespace OutreachBot.Tests.Dialogs;

/// <summary>A dialog file edited while a conversation is half-way through it.</summary>
public sealed class DialogVersionTests
{
    [Fact]
    public async Task A_changed_structure_restarts_the_dialog_with_a_clear_message()
    {
        await using var runner = new TranscriptRunner();
        await runner.SayAsync("试填问卷");
        await runner.SayAsync("周建国");
        var file = Path.Combine(DialogsFolder(runner), "survey.yaml");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("      - 住房\n", "      - 住房\n      - 教育\n", StringComparison.Ordinal));

        await runner.RestartAsync();
        var replies = string.Join("\n", await runner.SayAsync("住房"));

        Assert.Contains("刚刚更新过", replies, StringComparison.Ordinal);
        Assert.Contains("您叫什么名字？", replies, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reworded_question_carries_on_where_the_user_was()
    {
        await using var runner = new TranscriptRunner();
        await runner.SayAsync("试填问卷");
        await runner.SayAsync("周建国");
        var file = Path.Combine(DialogsFolder(runner), "survey.yaml");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("着急吗？", "这事急不急？", StringComparison.Ordinal));

        await runner.RestartAsync();
        var replies = string.Join("\n", await runner.SayAsync("住房"));

        Assert.DoesNotContain("更新过", replies, StringComparison.Ordinal);
        Assert.Contains("这事急不急？", replies, StringComparison.Ordinal);
    }

    private static string DialogsFolder(TranscriptRunner runner) => Path.Combine(Path.GetDirectoryName(runner.DatabasePath)!, "dialogs");
}
