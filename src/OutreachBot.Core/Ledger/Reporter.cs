namespace OutreachBot.Ledger;

/// <summary>
/// Who raised an entry: their chat identity (to answer them), and optionally a phone they left and the household
/// it concerns. A cadre raising an entry for a household is the reporter; the household is named separately.
/// </summary>
public sealed record Reporter(string ChannelId, string UserId, string? Name = null, string? Phone = null, string? CadreId = null);
