using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using OutreachBot.Texts;

namespace OutreachBot.WeChat.Turns;

/// <summary>
/// A voice message comes with WeChat's speech-to-text in Recognition when the account has it on; without it there
/// is nothing the bot can read, so the user is told to say it again or type it, and the bot is not bothered.
/// </summary>
internal sealed class UnrecognisedVoice(TextCatalog texts) : IMiddleware
{
    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        var isVoice = activity.Type == ActivityTypes.Message && activity.Attachments?.Any(a => a.ContentType?.StartsWith("audio/", StringComparison.Ordinal) == true) == true;
        return isVoice && string.IsNullOrWhiteSpace(activity.Text)
            ? turnContext.SendActivityAsync(texts[WeChatTexts.VoiceNotRecognised], cancellationToken: cancellationToken)
            : next(cancellationToken);
    }
}
