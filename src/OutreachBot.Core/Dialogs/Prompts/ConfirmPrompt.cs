using OutreachBot.Text;

namespace OutreachBot.Dialogs.Prompts;

/// <summary>Yes or no in the words people use (是/对/好/嗯/可以/行 vs 不/否/不是/算了); the lists live in dialogs/.</summary>
public sealed class ConfirmPrompt : IPrompt
{
    public string Kind => "confirm";

    public PromptResult Recognize(PromptInput input)
    {
        return Read(input.Text, input.Texts.WordList(PromptTexts.Yes), input.Texts.WordList(PromptTexts.No)) switch
        {
            true => new PromptResult.Accepted("true", "是"),
            false => new PromptResult.Accepted("false", "否"),
            null => PromptResult.Reject(input, input.Texts[PromptTexts.ConfirmRetry]),
        };
    }

    /// <summary>Negative words are checked first: "不是" contains "是".</summary>
    public static bool? Read(string text, IReadOnlyList<string> yes, IReadOnlyList<string> no)
    {
        var bare = ChineseText.Bare(text);
        if (bare.Length == 0)
        {
            return null;
        }

        if (no.Any(w => Starts(bare, w)))
        {
            return false;
        }

        if (yes.Any(w => Starts(bare, w)))
        {
            return true;
        }

        return null;
    }

    /// <summary>"不用了谢谢" starts with 不用; "null" and "NaN" do not start with the word "n" (found by bench/Replay's junk).</summary>
    private static bool Starts(string text, string word) =>
        word.Length > 0 && text.StartsWith(word, StringComparison.OrdinalIgnoreCase)
        && (text.Length == word.Length || !char.IsAsciiLetter(word[^1]) || !char.IsAsciiLetter(text[word.Length]));
}
