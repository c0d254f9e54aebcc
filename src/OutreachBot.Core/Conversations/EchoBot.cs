using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using OutreachBot.Texts;

namespace OutreachBot.Conversations;

/// <summary>
/// The bare baseline benchmarks compare against: it answers every message and does no storage or dialog work.
/// </summary>
public sealed class EchoBot(TextCatalog texts) : IBot
{
    public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        if (turnContext.Activity.Type != ActivityTypes.Message)
        {
            return Task.CompletedTask;
        }

        var reply = texts.Format(ConversationTexts.EchoPrefix, ("text", turnContext.Activity.Text));
        return turnContext.SendActivityAsync(reply, cancellationToken: cancellationToken);
    }
}
