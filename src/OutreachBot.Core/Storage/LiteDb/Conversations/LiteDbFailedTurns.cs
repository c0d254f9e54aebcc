using LiteDB;
using Microsoft.Bot.Schema;
using OutreachBot.Conversations;

namespace OutreachBot.Storage.LiteDb.Conversations;

/// <summary>Failed turns in the "failed_turns" collection, numbered by LiteDB's auto-increment id.</summary>
public sealed class LiteDbFailedTurns : IFailedTurns
{
    public const string CollectionName = "failed_turns";

    private readonly ILiteCollection<FailedTurn> _turns;
    private readonly TimeProvider _clock;

    public LiteDbFailedTurns(ILiteDatabase database, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(database);
        database.Mapper.WarmUp(typeof(FailedTurn));
        _turns = database.GetCollection<FailedTurn>(CollectionName);
        _clock = clock;
    }

    public void Keep(IActivity activity, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(exception);
        _turns.Insert(new FailedTurn
        {
            ChannelId = activity.ChannelId ?? "",
            ConversationId = activity.Conversation?.Id ?? "",
            UserId = activity.From?.Id ?? "",
            Text = (activity as IMessageActivity)?.Text,
            ActivityType = activity.Type ?? "",
            Error = exception.GetType().Name,
            At = _clock.GetUtcNow(),
        });
    }

    public int ForgetOlderThan(DateTimeOffset cutoff) => _turns.DeleteMany(t => t.At < cutoff);

    public IReadOnlyList<FailedTurn> Recent(int count) =>
        _turns.Query().OrderByDescending(t => t.Id).Limit(count).ToList();
}
