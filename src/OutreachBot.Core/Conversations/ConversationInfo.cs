namespace OutreachBot.Conversations;

/// <summary>What the bot remembers about a conversation itself, in ConversationState.</summary>
public sealed class ConversationInfo
{
    public int Messages { get; set; }

    public DateTimeOffset? LastMessageAt { get; set; }

    /// <summary>
    /// Ids of the last messages whose turn completed, saved with the conversation's state in the same write: a
    /// message delivered again (a WeChat retry, a client resending after a crash) is not processed twice.
    /// </summary>
    public List<string> Processed { get; set; } = [];

    public const int ProcessedKept = 32;

    /// <summary>
    /// What the bot answered to the last message, with that message's delivery key. A client whose answer never
    /// arrived (the bot was killed after saving the turn, before the reply left) resends the message; it gets this
    /// answer again instead of silence. Replies are kept as sent, already formatted for the channel.
    /// </summary>
    public string? AnsweredDelivery { get; set; }

    public List<string> Answer { get; set; } = [];

    public IReadOnlyList<string> AnswerTo(string? delivery) => delivery is { Length: > 0 } && delivery == AnsweredDelivery ? Answer : [];

    public void Answering(string? delivery)
    {
        AnsweredDelivery = delivery;
        Answer = [];
    }

    public bool AlreadyProcessed(string? activityId) => activityId is { Length: > 0 } && Processed.Contains(activityId);

    public void MarkProcessed(string? activityId)
    {
        if (activityId is not { Length: > 0 })
        {
            return;
        }

        Processed.Add(activityId);
        if (Processed.Count > ProcessedKept)
        {
            Processed.RemoveRange(0, Processed.Count - ProcessedKept);
        }
    }
}
