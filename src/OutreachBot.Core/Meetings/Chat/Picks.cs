using System.Text.RegularExpressions;
using OutreachBot.Text;

namespace OutreachBot.Meetings.Chat;

/// <summary>
/// Several numbers picked from a numbered list, as people type them: "1 3 5", "1、3、5", "1,3", "2-4", "二到四",
/// "第一条和第三条", or a word meaning all of them. Written here because the dialog runtime's choice prompt takes one.
/// </summary>
public static partial class Picks
{
    public sealed record Result(IReadOnlyList<int> Numbers, string? NotUnderstood, IReadOnlyList<int> OutOfRange)
    {
        public bool Ok => NotUnderstood is null && OutOfRange.Count == 0 && Numbers.Count > 0;
    }

    public static Result Parse(string text, int count, IReadOnlyCollection<string> allWords)
    {
        ArgumentNullException.ThrowIfNull(allWords);
        var bare = ChineseText.Bare(text);
        if (bare.Length > 0 && allWords.Contains(bare))
        {
            return new Result([.. Enumerable.Range(1, count)], null, []);
        }

        var numbers = new SortedSet<int>();
        var outOfRange = new SortedSet<int>();
        foreach (var token in Separator().Split(ChineseText.Normalize(text)).Where(t => t.Length > 0))
        {
            var range = Range().Match(token);
            var (from, to) = range.Success
                ? (ChineseText.Ordinal(range.Groups[1].Value), ChineseText.Ordinal(range.Groups[2].Value))
                : (ChineseText.Ordinal(token), ChineseText.Ordinal(token));
            if (from is null || to is null || to < from || to - from > 1000)
            {
                return new Result([], token, []);
            }

            for (var n = from.Value; n <= to.Value; n++)
            {
                (n >= 1 && n <= count ? numbers : outOfRange).Add(n);
            }
        }

        return numbers.Count == 0 && outOfRange.Count == 0 ? new Result([], text.Trim(), []) : new Result([.. numbers], null, [.. outOfRange]);
    }

    [GeneratedRegex(@"[\s,，、;；。.和及]+")]
    private static partial Regex Separator();

    [GeneratedRegex(@"^(.+?)(?:-|~|～|—|到|至)(.+)$")]
    private static partial Regex Range();
}
