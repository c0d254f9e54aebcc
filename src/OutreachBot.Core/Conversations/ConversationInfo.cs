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
