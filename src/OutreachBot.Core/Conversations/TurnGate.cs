using Microsoft.Bot.Builder;
using OutreachBot.Storage;

namespace OutreachBot.Conversations;

/// <summary>
/// One turn at a time per conversation. Bot Framework does not serialise turns, so two quick messages of one user
/// would otherwise load the same state, and the later save would drop the earlier one's changes.
/// Proactive turns (reminders, follow-ups) pass through the same gate.
/// </summary>
public sealed class TurnGate(TurnFailures failures) : IMiddleware
{
    private readonly KeyedLocks _locks = new();

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var key = ConversationKey.Of(turnContext.Activity);
        using (await _locks.AcquireAsync(key, cancellationToken).ConfigureAwait(false))
        {
            await next(cancellationToken).ConfigureAwait(false);
            failures.Succeeded(key);
        }
    }
}
