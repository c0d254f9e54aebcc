using Microsoft.Bot.Schema;

namespace OutreachBot.Conversations;

/// <summary>The identity of a conversation across channels: channel id and conversation id.</summary>
public static class ConversationKey
{
    public static string Of(IActivity activity) => $"{activity.ChannelId}/{activity.Conversation?.Id}";
}
