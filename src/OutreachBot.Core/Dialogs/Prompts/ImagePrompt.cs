namespace OutreachBot.Dialogs.Prompts;

/// <summary>A photo: the message's image attachments, kept as their URLs (one per line).</summary>
public sealed class ImagePrompt : IPrompt
{
    public string Kind => "image";

    public PromptResult Recognize(PromptInput input)
    {
        var urls = (input.Activity.Attachments ?? [])
            .Where(a => a.ContentType?.StartsWith("image", StringComparison.OrdinalIgnoreCase) == true && !string.IsNullOrEmpty(a.ContentUrl))
            .Select(a => a.ContentUrl)
            .ToList();
        return urls.Count == 0
            ? PromptResult.Reject(input, input.Texts[PromptTexts.ImageRetry])
            : new PromptResult.Accepted(string.Join('\n', urls), input.Texts.Format(PromptTexts.ImageLabel, ("count", urls.Count)));
    }
}
