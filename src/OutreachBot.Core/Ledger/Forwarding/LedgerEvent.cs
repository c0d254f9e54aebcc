namespace OutreachBot.Ledger.Forwarding;

/// <summary>
/// What an adapter receives: a new entry ("created") or one of its status changes ("status_changed"), with the
/// entry as it was then. <see cref="Key"/> is stable (entry id and history position), so a receiver can drop repeats.
/// </summary>
public sealed record LedgerEvent(string Key, string Type, DateTimeOffset OccurredAt, EntrySnapshot Entry, Transition? Transition)
{
    public const string Created = "created";
    public const string StatusChanged = "status_changed";

    public static LedgerEvent For(LedgerEntry entry, Transition? transition) => transition is null
        ? new LedgerEvent($"{entry.Id}/created", Created, entry.RaisedAt, EntrySnapshot.Of(entry), null)
        : new LedgerEvent($"{entry.Id}/{entry.History.IndexOf(transition) + 1}", StatusChanged, transition.At, EntrySnapshot.Of(entry), transition);
}

/// <summary>The entry fields an external ledger keeps (no household tags: those never leave the bot).</summary>
public sealed record EntrySnapshot(
    string TrackingNumber,
    string Ledger,
    string Kind,
    string Description,
    string VillageId,
    string VillageName,
    string? HouseholdId,
    string? ReporterPhone,
    IReadOnlyList<string> Photos,
    string? Location,
    DateTimeOffset RaisedAt,
    DateTimeOffset DueAt,
    string Status,
    string? AssignedUnit,
    string? Resolution,
    string? Satisfaction,
    string? DuplicateOf)
{
    public static EntrySnapshot Of(LedgerEntry e) => new(
        e.Id, e.Book.ChineseName(), e.Kind, e.Description, e.VillageId, e.VillageName, e.HouseholdId, e.Reporter.Phone,
        [.. e.Photos], e.Location, e.RaisedAt, e.DueAt, e.Status.ToString(), e.AssignedUnit, e.Resolution,
        e.Satisfaction?.ToString(), e.DuplicateOf);
}
