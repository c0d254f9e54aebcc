namespace OutreachBot.Dialogs.Prompts;

/// <summary>The prompt kinds a dialog file may use, by name.</summary>
public static class PromptKinds
{
    public static readonly IReadOnlyDictionary<string, IPrompt> All = new IPrompt[]
    {
        new TextPrompt(), new ChoicePrompt(), new ConfirmPrompt(), new NumberPrompt(),
        new DatePrompt(), new PhonePrompt(), new ImagePrompt(), new LocationPrompt(),
    }.ToDictionary(p => p.Kind, StringComparer.Ordinal);
}
