namespace OutreachBot.Ledger;

/// <summary>What the raise-problem dialog collected.</summary>
public sealed record RaiseRequest(
    string Kind,
    string Description,
    string VillageId,
    string? HouseholdId = null,
    IReadOnlyList<string>? Photos = null,
    string? Location = null,
    string? Phone = null,
    string? OriginKey = null);

/// <summary>The new entry, and the earlier one it repeats if others raised the same thing lately.</summary>
public sealed record RaiseResult(LedgerEntry Entry, LedgerEntry? Earlier);
