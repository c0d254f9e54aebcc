using LiteDB;
using Microsoft.Bot.Schema;

namespace OutreachBot.Conversations;

/// <summary>
/// Keeps what a user sent in a turn that failed, so their words are never lost and staff can follow up.
/// The text stays in the (encryptable) database, never in logs.
/// </summary>
public sealed class FailedTurnStore(ILiteDatabase database, TimeProvider clock)
{
    private readonly ILiteCollection<FailedTurn> _turns = database.GetCollection<FailedTurn>("failed_turns");

    public void Keep(IActivity activity, Exception exception)
    {
        _turns.Insert(new FailedTurn
        {
            ChannelId = activity.ChannelId ?? "",
            ConversationId = activity.Conversation?.Id ?? "",
            UserId = activity.From?.Id ?? "",
            Text = (activity as IMessageActivity)?.Text,
            ActivityType = activity.Type ?? "",
            Error = exception.GetType().Name,
            At = clock.GetUtcNow(),
        });
    }

    public int ForgetOlderThan(DateTimeOffset cutoff) => _turns.DeleteMany(t => t.At < cutoff);

    public IReadOnlyList<FailedTurn> Recent(int count) =>
        _turns.Query().OrderByDescending(t => t.Id).Limit(count).ToList();
}

public sealed class FailedTurn
{
    public int Id { get; set; }

    public string ChannelId { get; set; } = "";

    public string ConversationId { get; set; } = "";

    public string UserId { get; set; } = "";

    public string ActivityType { get; set; } = "";

    public string? Text { get; set; }

    public string Error { get; set; } = "";

    public DateTimeOffset At { get; set; }
}
