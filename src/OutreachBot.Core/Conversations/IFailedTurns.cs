using Microsoft.Bot.Schema;

namespace OutreachBot.Conversations;

/// <summary>
/// Keeps what a user sent in a turn that failed, so their words are never lost and staff can follow up.
/// The text stays in the (encryptable) database, never in logs.
/// </summary>
public interface IFailedTurns
{
    void Keep(IActivity activity, Exception exception);

    /// <summary>The last <paramref name="count"/> kept, newest first.</summary>
    IReadOnlyList<FailedTurn> Recent(int count);

    /// <summary>Forgets the turns that failed before <paramref name="cutoff"/>; returns how many.</summary>
    int ForgetOlderThan(DateTimeOffset cutoff);
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
