using OutreachBot.Bench.Replay.Chat;
using OutreachBot.Bench.Replay.County;
using OutreachBot.Visits;

namespace OutreachBot.Bench.Replay.Year;

/// <summary>A visit as the cadre will tell it: which household, when, what kind, the four notes.</summary>
public sealed record VisitPlan(
    string Token,
    string CadreId,
    CountyHousehold Household,
    string HouseholdLabel,
    string Trigger,
    string When,
    string KindAnswer,
    VisitKind Kind,
    string? VillageSituation,
    string HouseholdSituation,
    string? Hopes,
    string? Problems,
    string? PhotoUrl,
    RaisePlan? Raise);

/// <summary>A problem as its reporter will tell it.</summary>
public sealed record RaisePlan(
    string Token,
    string Trigger,
    string KindAnswer,
    string Kind,
    string Description,
    string? PhotoUrl,
    Message? Location,
    Village Village,
    string? Phone,
    string? PolicyFirst,
    string? HouseholdId = null,
    bool InDifficulty = false);

public enum FollowUpMode
{
    /// <summary>Answers the question the bot asked after close-out.</summary>
    Direct,

    /// <summary>Sends 取消, and later 评价 to rate it.</summary>
    Later,

    /// <summary>Sends 取消 and never rates it.</summary>
    Never,
}

/// <summary>One of the reporter's answers in a follow-up job; which entry it rates is what the bot asks about.</summary>
public sealed record Rating(FollowUpMode Mode, string Answer, OutreachBot.Ledger.Satisfaction Satisfaction, string? Reason);

/// <summary>An entry to close out: resolved with what was done, or 无法解决 with a reason.</summary>
public sealed record CloseTarget(string EntryId, bool Resolved, string Text, string Token);
