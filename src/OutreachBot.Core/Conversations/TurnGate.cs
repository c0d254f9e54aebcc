using System.Collections.Immutable;
using Microsoft.Bot.Builder;
using OutreachBot.Storage;

namespace OutreachBot.Conversations;

/// <summary>
/// One turn at a time per conversation. Bot Framework does not serialise turns, so two quick messages of one user
/// would otherwise load the same state, and the later save would drop the earlier one's changes.
/// Proactive turns (reminders, follow-ups) pass through the same gate; one started from inside a turn of the same
/// conversation (a cadre closing out an entry they reported themselves is asked to rate it) runs within that turn
/// instead of waiting for it to end, which it never would.
/// </summary>
public sealed class TurnGate(TurnFailures failures) : IMiddleware
{
    private readonly KeyedLocks _locks = new();
    private readonly AsyncLocal<ImmutableHashSet<string>?> _held = new();

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var key = ConversationKey.Of(turnContext.Activity);
        var held = _held.Value ?? ImmutableHashSet<string>.Empty;
        if (held.Contains(key))
        {
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }

        using (await _locks.AcquireAsync(key, cancellationToken).ConfigureAwait(false))
        {
            _held.Value = held.Add(key);
            try
            {
                await next(cancellationToken).ConfigureAwait(false);
                failures.Succeeded(key);
            }
            finally
            {
                _held.Value = held;
            }
        }
    }
}
