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

/// <summary>
/// The entry raised, and the earlier entry it repeats when the reporter may see that one (they reported it, or they
/// are its cadres or staff). A villager is told only that the problem is already known: another villager's tracking
/// number would let them look for who reported what.
/// </summary>
public sealed record RaiseResult(LedgerEntry Entry, LedgerEntry? Earlier)
{
    public bool AlreadyKnown => Entry.DuplicateOf is not null;
}
