namespace OutreachBot.Ledger;

/// <summary>
/// Where ledger entries are kept. Saving an entry queues the events of its changes for the ledger adapters in the
/// same atomic step, so an entry is never saved without its events nor the other way round. There is no delete.
/// </summary>
public interface ILedgerStore
{
    LedgerEntry? Find(string id);

    /// <summary>The entry a dialog step raised, so a replayed turn finds it instead of raising it twice.</summary>
    LedgerEntry? FindByOrigin(string originKey);

    /// <summary>
    /// Inserts or updates the entry and queues one outbox event per change (null: "created"), atomically. Inside an
    /// outer <see cref="Storage.IUnitOfWork"/> it joins that unit: nothing is kept unless the unit completes.
    /// </summary>
    void Save(LedgerEntry entry, params Transition?[] changes);

    /// <summary>What one chat identity raised, newest first.</summary>
    IReadOnlyList<LedgerEntry> OfReporter(string channelId, string userId);

    /// <summary>A village's open entries, oldest first.</summary>
    IReadOnlyList<LedgerEntry> OpenIn(string villageId);

    /// <summary>A village's entries raised at or after <paramref name="since"/>, oldest first.</summary>
    IReadOnlyList<LedgerEntry> InVillageSince(string villageId, DateTimeOffset since);

    IReadOnlyList<LedgerEntry> WithStatus(EntryStatus status);

    IEnumerable<LedgerEntry> All();

    int Count();
}
