using LiteDB;

namespace OutreachBot.Visits;

/// <summary>
/// Every cadre's visits, read for reports (the staff dashboard, exports). Unlike <see cref="VisitService"/> it checks
/// no one: the caller decides who may see which visits. Visit notes may hold sensitive facts; never log them.
/// </summary>
public sealed class VisitRecords
{
    private static readonly BsonExpression StampProjection = BsonExpression.Create("{ h: $.HouseholdId, v: $.VillageId, a: $.At, k: $.Kind }");

    private readonly ILiteCollection<Visit> _visits;

    public VisitRecords(ILiteDatabase database)
    {
        _visits = database.GetCollection<Visit>(VisitService.CollectionName);
        _visits.EnsureIndex(v => v.At);
        _visits.EnsureIndex(v => v.HouseholdId);
    }

    /// <summary>Visits at or after an instant, by the index on the visit time.</summary>
    public IEnumerable<Visit> Since(DateTimeOffset from) => _visits.Find(v => v.At >= from);

    /// <summary>
    /// When, where and what kind of visit, since an instant: a projection that skips the notes, for counting at the
    /// county's scale.
    /// </summary>
    public IEnumerable<VisitStamp> StampsSince(DateTimeOffset from) =>
        _visits.Query().Where(v => v.At >= from).Select(StampProjection).ToEnumerable()
            .Select(d => new VisitStamp(d["h"].AsString, d["v"].AsString, new DateTimeOffset(d["a"].AsDateTime.ToUniversalTime()), Enum.Parse<VisitKind>(d["k"].AsString)));

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

/// <summary>A visit as <see cref="VisitRecords.StampsSince"/> reads it: no notes, no photo.</summary>
public sealed record VisitStamp(string HouseholdId, string VillageId, DateTimeOffset At, VisitKind Kind);
