namespace OutreachBot.Dialogs.Prompts;

/// <summary>The prompt kinds a dialog file may use, by name.</summary>
public static class PromptKinds
{
    /// <summary>
    /// The longest answer the text recognisers (dates, numbers) are given. Such an answer is a few words; their
    /// regular expressions took five seconds on 2,000 full-width digits, so a longer text is not read but asked again.
    /// </summary>
    public const int MaxRecognizedChars = 100;

    public static readonly IReadOnlyDictionary<string, IPrompt> All = new IPrompt[]
    {
        new TextPrompt(), new ChoicePrompt(), new ConfirmPrompt(), new NumberPrompt(),
        new DatePrompt(), new PhonePrompt(), new ImagePrompt(), new LocationPrompt(),
    }.ToDictionary(p => p.Kind, StringComparer.Ordinal);
}
