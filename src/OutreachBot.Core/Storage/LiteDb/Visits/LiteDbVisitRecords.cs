using LiteDB;
using OutreachBot.Visits;

namespace OutreachBot.Storage.LiteDb.Visits;

/// <summary>The visits in LiteDB's "visits" collection, indexed by cadre, household and time.</summary>
public sealed class LiteDbVisitRecords : IVisitRecords
{
    public const string CollectionName = "visits";

    private static readonly BsonExpression StampProjection = BsonExpression.Create("{ h: $.HouseholdId, v: $.VillageId, a: $.At, k: $.Kind }");

    private readonly ILiteDatabase _database;
    private readonly ILiteCollection<Visit> _visits;

    public LiteDbVisitRecords(ILiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        database.Mapper.WarmUp(typeof(Visit));
        _visits = database.GetCollection<Visit>(CollectionName);
        _visits.EnsureIndex(v => v.CadreId);
        _visits.EnsureIndex(v => v.HouseholdId);
        _visits.EnsureIndex(v => v.At);
    }

    public void Save(Visit visit)
    {
        _visits.Insert(visit);
        _database.Flush();
    }

    public Visit? Find(string visitId) => _visits.FindById(visitId);

    public IReadOnlyList<Visit> ByCadre(string cadreId) => [.. _visits.Find(v => v.CadreId == cadreId)];

    public IReadOnlyList<Visit> ByCadre(string cadreId, DateTimeOffset from, DateTimeOffset until) =>
        [.. _visits.Find(v => v.CadreId == cadreId && v.At >= from && v.At < until)];

    public IReadOnlyList<Visit> ByCadreTo(string cadreId, string householdId) =>
        [.. _visits.Find(v => v.CadreId == cadreId && v.HouseholdId == householdId)];

    public IReadOnlyList<Visit> InVillage(string villageId, DateTimeOffset from, DateTimeOffset until) =>
        [.. _visits.Find(v => v.VillageId == villageId && v.At >= from && v.At < until)];

    /// <summary>By the index on the visit time.</summary>
    public IEnumerable<Visit> Since(DateTimeOffset from) => _visits.Find(v => v.At >= from);

    /// <summary>A projection that skips the notes.</summary>
    public IEnumerable<VisitStamp> StampsSince(DateTimeOffset from) =>
        _visits.Query().Where(v => v.At >= from).Select(StampProjection).ToEnumerable()
            .Select(d => new VisitStamp(d["h"].AsString, d["v"].AsString, new DateTimeOffset(d["a"].AsDateTime.ToUniversalTime()), Enum.Parse<VisitKind>(d["k"].AsString)));

    public IEnumerable<Visit> All() => _visits.Query().OrderBy(v => v.At).ToEnumerable();

    public DateTimeOffset? LastVisitTo(string householdId)
    {
        var visits = _visits.Find(v => v.HouseholdId == householdId).ToList();
        return visits.Count == 0 ? null : visits.Max(v => v.At);
    }

    public int Count() => _visits.Count();
}
