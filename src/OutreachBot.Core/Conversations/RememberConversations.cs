using System.Collections.Concurrent;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace OutreachBot.Conversations;

/// <summary>
/// Stores the conversation reference of everyone who writes to the bot. To keep a database write off most turns
/// it writes only when the reference is new to this process or older than <see cref="Refresh"/>.
/// An anonymous Bot Framework turn names its own serviceUrl and from.id, so its reference is kept only when the
/// serviceUrl is this machine: otherwise anyone could have a villager's close-out notice sent to their own server.
/// </summary>
public sealed class RememberConversations(IConversationReferences store, TimeProvider clock) : IMiddleware
{
    public static readonly TimeSpan Refresh = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, (string ConversationId, DateTimeOffset At)> _written = new(StringComparer.Ordinal);

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        var anonymous = Callers.IsAnonymous(turnContext);
        if (activity.Type == ActivityTypes.Message && activity.From?.Id is { Length: > 0 } userId && activity.Conversation?.Id is { } conversationId
            && (!anonymous || Callers.IsLoopbackUrl(activity.ServiceUrl)))
        {
            var now = clock.GetUtcNow();
            var key = IConversationReferences.Key(activity.ChannelId, userId);
            if (!_written.TryGetValue(key, out var last) || last.ConversationId != conversationId || now - last.At > Refresh)
            {
                store.Remember(activity.GetConversationReference(), now, vouched: !anonymous);
                _written[key] = (conversationId, now);
            }
        }

        await next(cancellationToken).ConfigureAwait(false);
    }
}
