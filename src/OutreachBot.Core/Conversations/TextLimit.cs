using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using OutreachBot.Text;
using OutreachBot.Texts;

namespace OutreachBot.Conversations;

/// <summary>
/// Bounds what every later step reads: a message's text is cut to <see cref="BotLimitsOptions.MaxTextChars"/> and
/// made well-formed before routing, dialogs, the handbook search or storage see it, on every channel. The sender
/// is told first that the end was cut, so a long account is not shortened silently.
/// </summary>
public sealed class TextLimit(IOptions<BotLimitsOptions> options, TextCatalog texts) : IMiddleware
{
    private readonly int _max = options.Value.MaxTextChars;

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        if (activity.Type == ActivityTypes.Message && activity.Text is { } text)
        {
            var cut = text.Length > _max;
            activity.Text = Utf16Text.WellFormed(Utf16Text.Cut(text, _max));
            if (cut)
            {
                await turnContext.SendActivityAsync(texts.Format(ConversationTexts.TextCut, ("limit", _max)), cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }

        await next(cancellationToken).ConfigureAwait(false);
    }
}
