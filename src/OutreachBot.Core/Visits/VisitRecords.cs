using LiteDB;

namespace OutreachBot.Visits;

/// <summary>
/// Every cadre's visits, read for reports (the staff dashboard, exports). Unlike <see cref="VisitService"/> it checks
/// no one: the caller decides who may see which visits. Visit notes may hold sensitive facts; never log them.
/// </summary>
public sealed class VisitRecords
{
    private readonly ILiteCollection<Visit> _visits;

    public VisitRecords(ILiteDatabase database)
    {
        _visits = database.GetCollection<Visit>(VisitService.CollectionName);
        _visits.EnsureIndex(v => v.At);
        _visits.EnsureIndex(v => v.HouseholdId);
    }

    /// <summary>Visits at or after an instant, by the index on the visit time.</summary>
    public IEnumerable<Visit> Since(DateTimeOffset from) => _visits.Find(v => v.At >= from);

    /// <summary>All visits, oldest first.</summary>
    public IEnumerable<Visit> All() => _visits.Query().OrderBy(v => v.At).ToEnumerable();

    /// <summary>The latest visit to a household by anyone, or null when it was never visited.</summary>
    public DateTimeOffset? LastVisitTo(string householdId)
    {
        var visits = _visits.Find(v => v.HouseholdId == householdId).ToList();
        return visits.Count == 0 ? null : visits.Max(v => v.At);
    }

    public int Count() => _visits.Count();
}
