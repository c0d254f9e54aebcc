using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace OutreachBot.Conversations;

/// <summary>An adapter that can start a turn on its own (a reminder, a follow-up) for the channels it serves.</summary>
public interface IProactiveChannel
{
    bool Serves(string channelId);

    Task ContinueAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken);
}
