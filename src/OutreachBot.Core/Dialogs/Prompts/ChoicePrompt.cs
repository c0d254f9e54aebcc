using OutreachBot.Text;

namespace OutreachBot.Dialogs.Prompts;

/// <summary>
/// One of a numbered list, answered by its number ("2", "第二个"), by its words or other words that mean it,
/// or by a close variant (a name typed with one character wrong). Several matches come back as candidates
/// for the user to pick from by number.
/// </summary>
public sealed class ChoicePrompt : IPrompt
{
    public string Kind => "choice";

    public PromptResult Recognize(PromptInput input)
    {
        var options = input.Options;
        var matches = Match(input.Text, options);
        return matches.Count switch
        {
            1 => new PromptResult.Accepted(matches[0].Value, matches[0].Label),
            > 1 => new PromptResult.Ambiguous(matches),
            _ => PromptResult.Reject(input, input.Texts.Format(PromptTexts.ChoiceRetry, ("count", options.Count))),
        };
    }

    public static IReadOnlyList<ChoiceOption> Match(string text, IReadOnlyList<ChoiceOption> options)
    {
        if (ChineseText.Ordinal(text) is { } number)
        {
            return number >= 1 && number <= options.Count ? [options[number - 1]] : [];
        }

        var bare = ChineseText.Bare(text);
        if (bare.Length == 0)
        {
            return [];
        }

        var exact = options.Where(o => Words(o).Any(w => w == bare)).ToList();
        if (exact.Count > 0)
        {
            return exact;
        }

        var contained = options.Where(o => Words(o).Any(w => Contains(bare, w))).ToList();
        if (contained.Count > 0)
        {
            return contained;
        }

        if (bare.Length < 2)
        {
            return [];
        }

        var scored = options
            .Select(o => (Option: o, Distance: Words(o).Min(w => ChineseText.EditDistance(bare, w))))
            .Where(s => s.Distance <= Math.Max(1, bare.Length / 3))
            .ToList();
        if (scored.Count == 0)
        {
            return [];
        }

        var best = scored.Min(s => s.Distance);
        return scored.Where(s => s.Distance == best).Select(s => s.Option).ToList();
    }

    private static IEnumerable<string> Words(ChoiceOption option) =>
        new[] { option.Label }.Concat(option.Also ?? []).Select(ChineseText.Bare).Where(w => w.Length > 0);

    /// <summary>"我要反映饮水的事" names 饮水; "张" alone does not name 张三 (one character is too little).</summary>
    private static bool Contains(string text, string word) =>
        text.Contains(word, StringComparison.Ordinal) || (text.Length >= 2 && word.Contains(text, StringComparison.Ordinal));
}
