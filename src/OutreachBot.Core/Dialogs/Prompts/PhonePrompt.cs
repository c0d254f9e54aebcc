using System.Text.RegularExpressions;

namespace OutreachBot.Dialogs.Prompts;

/// <summary>A Chinese mobile number (11 digits starting 13–19), found in text like "我的电话 138 1234 5678".</summary>
public sealed partial class PhonePrompt : IPrompt
{
    public string Kind => "phone";

    public PromptResult Recognize(PromptInput input)
    {
        var phone = Read(input.Text);
        return phone is null
            ? PromptResult.Reject(input, input.Texts[PromptTexts.PhoneRetry])
            : new PromptResult.Accepted(phone, phone);
    }

    public static string? Read(string text)
    {
        var digits = Separators().Replace(text, "");
        var matches = Mobile().Matches(digits);
        return matches.Count == 1 ? matches[0].Groups["number"].Value : null;
    }

    [GeneratedRegex(@"[\s\-－—()（）]")]
    private static partial Regex Separators();

    [GeneratedRegex(@"(?<![0-9])(?:\+?86)?(?<number>1[3-9][0-9]{9})(?![0-9])")]
    private static partial Regex Mobile();
}
