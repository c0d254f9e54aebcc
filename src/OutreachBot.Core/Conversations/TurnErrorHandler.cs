using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;
using OutreachBot.Texts;

namespace OutreachBot.Conversations;

/// <summary>
/// What every adapter does when a turn throws: keep what the user sent, log the failure without personal data,
/// and answer in plain Chinese. The turn's state changes were never saved, so the user is back where they were;
/// a second failure in a row clears the conversation state so a bad saved state cannot wedge them.
/// </summary>
public sealed class TurnErrorHandler(
    IFailedTurns failedTurns,
    TurnFailures failures,
    ConversationState conversationState,
    TextCatalog texts,
    ILogger<TurnErrorHandler> logger)
{
    public async Task HandleAsync(ITurnContext turnContext, Exception exception)
    {
        var key = ConversationKey.Of(turnContext.Activity);
        var inARow = failures.Failed(key);

        // Exception messages can quote user input, so only the type and stack trace are logged.
        logger.LogError(
            "Turn failed ({ExceptionType}, {InARow} in a row) in conversation {Conversation} on {Channel}: {StackTrace}",
            exception.GetType().FullName,
            inARow,
            Redact.Id(key),
            turnContext.Activity.ChannelId,
            exception.StackTrace);

        // The database may be what failed: the user is answered even when the message cannot be kept, and told so.
        var kept = false;
        try
        {
            failedTurns.Keep(turnContext.Activity, exception);
            if (inARow >= 2)
            {
                await conversationState.DeleteAsync(turnContext).ConfigureAwait(false);
            }

            kept = true;
        }
        catch (Exception secondary)
        {
            logger.LogError("Could not keep a failed turn ({ExceptionType})", secondary.GetType().FullName);
        }

        try
        {
            var answer = !kept ? ConversationTexts.TurnFailedUnkept : inARow >= 2 ? ConversationTexts.TurnFailedAgain : ConversationTexts.TurnFailed;
            await turnContext.SendActivityAsync(texts[answer]).ConfigureAwait(false);
        }
        catch (Exception secondary)
        {
            logger.LogError("Could not answer a failed turn ({ExceptionType})", secondary.GetType().FullName);
        }
    }
}
