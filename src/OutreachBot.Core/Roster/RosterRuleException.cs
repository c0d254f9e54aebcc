namespace OutreachBot.Roster;

/// <summary>
/// A roster entity refused a value or a change. The message is plain Chinese, written for the administrator who
/// prepared the spreadsheet: the importer puts it next to the row number.
/// </summary>
public class RosterRuleException(string message) : Exception(message);

/// <summary>"只做加法": the last pairing of a household cannot be removed.</summary>
public sealed class HouseholdWouldBeUnpairedException(string householdId)
    : RosterRuleException($"户 {householdId} 只剩这一位结对干部，不能解除结对（只做加法：每户都要有结对干部）。请先给这一户结对另一位干部。")
{
    public string HouseholdId { get; } = householdId;
}
