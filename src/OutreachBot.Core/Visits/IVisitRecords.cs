namespace OutreachBot.Visits;

/// <summary>
/// Every cadre's visits. It checks no one: <see cref="VisitService"/> decides who may log and see which visits, and
/// reports (the staff dashboard, exports) decide for themselves. Visit notes may hold sensitive facts; never log them.
/// Periods are half-open: from <c>from</c> inclusive to <c>until</c> exclusive.
/// </summary>
public interface IVisitRecords
{
    /// <summary>Saves a new visit durably: once this returns, a crash does not lose it (the cadre is told it is saved).</summary>
    void Save(Visit visit);

    Visit? Find(string visitId);

    /// <summary>Every visit a cadre logged.</summary>
    IReadOnlyList<Visit> ByCadre(string cadreId);

    IReadOnlyList<Visit> ByCadre(string cadreId, DateTimeOffset from, DateTimeOffset until);

    IReadOnlyList<Visit> ByCadreTo(string cadreId, string householdId);

    /// <summary>Visits by anyone to a village's households in a period.</summary>
    IReadOnlyList<Visit> InVillage(string villageId, DateTimeOffset from, DateTimeOffset until);

    /// <summary>Visits at or after an instant.</summary>
    IEnumerable<Visit> Since(DateTimeOffset from);

    /// <summary>
    /// When, where and what kind of visit, since an instant, without the notes: for counting at the county's scale.
    /// </summary>
    IEnumerable<VisitStamp> StampsSince(DateTimeOffset from);

    /// <summary>All visits, oldest first.</summary>
    IEnumerable<Visit> All();

    /// <summary>The latest visit to a household by anyone, or null when it was never visited.</summary>
    DateTimeOffset? LastVisitTo(string householdId);

    int Count();
}

/// <summary>A visit as <see cref="IVisitRecords.StampsSince"/> reads it: no notes, no photo.</summary>
public sealed record VisitStamp(string HouseholdId, string VillageId, DateTimeOffset At, VisitKind Kind);
