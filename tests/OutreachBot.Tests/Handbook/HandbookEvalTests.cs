using System.Text.Json;
using OutreachBot.Handbook;
using OutreachBot.Handbook.Search;
using OutreachBot.Hosting;

namespace OutreachBot.Tests.Handbook;

/// <summary>
/// Keeps the shipped search at least as good as the figures the benchmark recorded (bench/Handbook/recorded.json,
/// written by `dotnet run -c Release --project bench/Handbook -- --write`) on the evaluation set in eval/.
/// </summary>
public sealed class HandbookEvalTests
{
    private static readonly string Root = ContentRoot.Locate();

    private static readonly IReadOnlyList<EvalQuestion> Questions = HandbookEvaluation.Load(
        Path.Combine(Root, "tests", "OutreachBot.Tests", "Handbook", "eval", "questions.jsonl"),
        Path.Combine(Root, "tests", "OutreachBot.Tests", "Handbook", "eval", "out_of_scope.jsonl"));

    private static readonly IReadOnlyList<HandbookSection> Sections = HandbookLoader.Load(Path.Combine(Root, HandbookRegistration.DefaultPath));

    [Fact]
    public void The_evaluation_set_is_as_large_as_promised_and_names_real_sections()
    {
        var titles = Sections.Select(s => s.Title).ToHashSet();

        Assert.True(Sections.Count >= 40, $"{Sections.Count} sections");
        Assert.True(Questions.Count(q => q.Expected is not null) >= 80);
        Assert.True(Questions.Count(q => q.Expected is null) >= 15);
        Assert.All(Questions.Where(q => q.Expected is not null), q => Assert.Contains(q.Expected!, titles));
    }

    [Fact]
    public void The_shipped_search_does_not_fall_below_the_recorded_figures()
    {
        using var recorded = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "bench", "Handbook", "recorded.json")));
        var floor = recorded.RootElement;

        var report = HandbookEvaluation.Run(HandbookIndex.Build(Sections), Questions);

        var misses = string.Join("\n", report.Misses);
        Assert.True(report.Top3 >= floor.GetProperty("Top3").GetDouble(), $"top-3 {report.Top3:0.000}\n{misses}");
        Assert.True(report.Top1 >= floor.GetProperty("Top1").GetDouble(), $"top-1 {report.Top1:0.000}\n{misses}");
        Assert.True(report.OutOfScopeDeclined >= floor.GetProperty("OutOfScopeDeclined").GetDouble(), $"declined {report.OutOfScopeDeclined:0.000}\n{misses}");
        Assert.True(report.AnswerableDeclined <= floor.GetProperty("AnswerableDeclined").GetDouble(), $"wrongly declined {report.AnswerableDeclined:0.000}\n{misses}");
    }

    [Fact]
    public void The_shipped_search_beats_the_character_n_gram_baseline_on_the_same_questions()
    {
        var shipped = HandbookEvaluation.Run(HandbookIndex.Build(Sections), Questions);
        var baseline = HandbookEvaluation.Run(new CharNGramBaseline(Sections), Questions);

        Assert.True(shipped.Top1 > baseline.Top1 + 0.05, $"shipped {shipped.Top1:0.000}, baseline {baseline.Top1:0.000}");
        Assert.True(shipped.Top3 > baseline.Top3, $"shipped {shipped.Top3:0.000}, baseline {baseline.Top3:0.000}");
    }
}
