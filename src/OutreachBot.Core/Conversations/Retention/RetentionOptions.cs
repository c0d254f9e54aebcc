namespace OutreachBot.Conversations.Retention;

/// <summary>
/// The <c>Retention</c> section of appsettings.json: how long conversation plumbing is kept once nobody uses it.
/// Ledger entries, visits and meetings are records of the campaign and are never expired here.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Bot state (a half-finished dialog, the last list shown) of a conversation or user not heard from for this long.</summary>
    public int StateDays { get; set; } = 90;

    /// <summary>
    /// Where to reach a user who has not written for this long. Long, because a reporter is told when their entry
    /// is closed, which can be months after they last wrote.
    /// </summary>
    public int ReferenceDays { get; set; } = 400;

    /// <summary>What a user sent in a turn that failed, kept for staff to follow up.</summary>
    public int FailedTurnDays { get; set; } = 90;

    /// <summary>How often the clean-up runs; the first scheduler tick after start always runs it.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);
}
