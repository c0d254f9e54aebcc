namespace OutreachBot.Dialogs.Prompts;

/// <summary>Free text within length limits (min defaults to 1, max to 1,000 characters).</summary>
public sealed class TextPrompt : IPrompt
{
    public string Kind => "text";

    public PromptResult Recognize(PromptInput input)
    {
        // The user's own words are kept exactly as typed (full-width punctuation and all).
        var text = input.Raw;
        int min = input.Step.Min ?? 1, max = input.Step.Max ?? 1000;
        var length = new System.Globalization.StringInfo(text).LengthInTextElements;
        if (length < min)
        {
            return PromptResult.Reject(input, input.Texts.Format(PromptTexts.TextTooShort, ("min", min)));
        }

        // Too long is never the step's own retry: the user needs to know why.
        return length > max
            ? new PromptResult.Rejected(input.Texts.Format(PromptTexts.TextTooLong, ("max", max)))
            : new PromptResult.Accepted(text, text);
    }
}
