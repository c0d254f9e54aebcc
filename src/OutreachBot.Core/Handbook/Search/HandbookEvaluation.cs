using System.Text.Json;

namespace OutreachBot.Handbook.Search;

/// <summary>A question of an evaluation set and the section title it should find (null: it should be declined).</summary>
public sealed record EvalQuestion(string Question, string? Expected);

/// <summary>How a ranker did on an evaluation set.</summary>
public sealed record EvalReport(
    string Ranker,
    int Answerable,
    int OutOfScope,
    double Top1,
    double Top3,
    double OutOfScopeDeclined,
    double AnswerableDeclined,
    IReadOnlyList<string> Misses);

/// <summary>Runs a ranker over an evaluation set (JSONL lines {"q": "…", "expect": "title" | null}); used by the benchmark and the tests.</summary>
public static class HandbookEvaluation
{
    public static IReadOnlyList<EvalQuestion> Load(params string[] files) =>
        files.SelectMany(File.ReadLines)
            .Where(l => l.Trim().Length > 0)
            .Select(l =>
            {
                using var json = JsonDocument.Parse(l);
                var expect = json.RootElement.GetProperty("expect");
                return new EvalQuestion(json.RootElement.GetProperty("q").GetString()!, expect.ValueKind == JsonValueKind.Null ? null : expect.GetString());
            })
            .ToArray();

    public static EvalReport Run(IHandbookRanker ranker, IReadOnlyList<EvalQuestion> questions)
    {
        int answerable = 0, top1 = 0, top3 = 0, wronglyDeclined = 0, outOfScope = 0, declined = 0;
        var misses = new List<string>();
        foreach (var question in questions)
        {
            var ranked = ranker.Rank(question.Question).Select(r => r.Section.Title).ToArray();
            if (question.Expected is null)
            {
                outOfScope++;
                if (ranked.Length == 0)
                {
                    declined++;
                }
                else
                {
                    misses.Add($"answered out-of-scope \"{question.Question}\" with {ranked[0]}");
                }

                continue;
            }

            answerable++;
            var at = Array.IndexOf(ranked, question.Expected);
            top1 += at == 0 ? 1 : 0;
            top3 += at is >= 0 and < 3 ? 1 : 0;
            wronglyDeclined += ranked.Length == 0 ? 1 : 0;
            if (at != 0)
            {
                misses.Add(ranked.Length == 0
                    ? $"declined \"{question.Question}\" (expected {question.Expected})"
                    : $"\"{question.Question}\": expected {question.Expected} got {string.Join(" | ", ranked.Take(3))}");
            }
        }

        return new EvalReport(
            ranker.Name,
            answerable,
            outOfScope,
            Ratio(top1, answerable),
            Ratio(top3, answerable),
            Ratio(declined, outOfScope),
            Ratio(wronglyDeclined, answerable),
            misses);
    }

    private static double Ratio(int count, int total) => total == 0 ? 0 : (double)count / total;
}
