namespace OutreachBot.Conversations;

/// <summary>What the bot remembers about a conversation itself, in ConversationState.</summary>
public sealed class ConversationInfo
{
    public int Messages { get; set; }

    public DateTimeOffset? LastMessageAt { get; set; }
}
