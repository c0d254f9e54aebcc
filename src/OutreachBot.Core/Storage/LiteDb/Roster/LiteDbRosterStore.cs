using LiteDB;
using OutreachBot.Roster;

namespace OutreachBot.Storage.LiteDb.Roster;

/// <summary>
/// The roster in LiteDB: one collection per entity, with the indexes the services query by. Pairings are stored in
/// their household (indexed by cadre), so finding a cadre's households is one index seek.
/// </summary>
public sealed class LiteDbRosterStore : IRosterStore
{
    public const string TownshipsCollection = "roster_townships";
    public const string VillagesCollection = "roster_villages";
    public const string HouseholdsCollection = "roster_households";
    public const string CadresCollection = "roster_cadres";
    public const string StaffCollection = "roster_staff";

    private const string PairedCadreIndex = "paired_cadre";

    private static readonly BsonExpression PairingsProjection = BsonExpression.Create("{ i: $._id, v: $.VillageId, c: $.Pairings[*].CadreId }");

    private readonly ILiteDatabase _database;

    /// <summary>Serialises read-change-write of households within this process.</summary>
    private readonly Lock _writeGate = new();

    private readonly ILiteCollection<Township> _townships;
    private readonly ILiteCollection<Village> _villages;
    private readonly ILiteCollection<Household> _households;
    private readonly ILiteCollection<Cadre> _cadres;
    private readonly ILiteCollection<Staff> _staff;

    public LiteDbRosterStore(ILiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        database.Mapper.WarmUp(typeof(Township), typeof(Village), typeof(Pairing), typeof(Household), typeof(Cadre), typeof(Staff));
        _townships = database.GetCollection<Township>(TownshipsCollection);
        _villages = database.GetCollection<Village>(VillagesCollection);
        _households = database.GetCollection<Household>(HouseholdsCollection);
        _cadres = database.GetCollection<Cadre>(CadresCollection);
        _staff = database.GetCollection<Staff>(StaffCollection);

        _villages.EnsureIndex(v => v.TownshipId);
        _households.EnsureIndex(h => h.VillageId);
        _households.EnsureIndex(PairedCadreIndex, "$.Pairings[*].CadreId");
        _cadres.EnsureIndex(c => c.VillageId);
    }

    public Township? FindTownship(string id) => _townships.FindById(id);

    public Village? FindVillage(string id) => _villages.FindById(id);

    public Household? FindHousehold(string id) => _households.FindById(id);

    public Cadre? FindCadre(string id) => _cadres.FindById(id);

    public Staff? FindStaff(string id) => _staff.FindById(id);

    public IReadOnlyList<Staff> AllStaff() => [.. _staff.FindAll()];

    public IReadOnlyList<Staff> StaffOf(string? townshipId) => [.. _staff.Find(s => s.TownshipId == townshipId)];

    public IReadOnlyList<Village> AllVillages() => [.. _villages.FindAll().OrderBy(v => v.TownshipId, StringComparer.Ordinal).ThenBy(v => v.Id, StringComparer.Ordinal)];

    public IReadOnlyList<Village> VillagesIn(string townshipId) => [.. _villages.Find(v => v.TownshipId == townshipId)];

    public IReadOnlyList<Household> HouseholdsIn(string villageId) => [.. _households.Find(h => h.VillageId == villageId)];

    /// <summary>The households paired with a cadre, by the multi-key index on the pairings.</summary>
    public IReadOnlyList<Household> HouseholdsOf(string cadreId) =>
        [.. _households.Find(BsonExpression.Create("$.Pairings[*].CadreId ANY = @0", new BsonValue(cadreId)))];

    public IEnumerable<Household> AllHouseholds() => _households.FindAll();

    public IReadOnlyList<Township> AllTownships() => [.. _townships.FindAll()];

    public IEnumerable<HouseholdPairings> AllPairings() =>
        _households.Query().Select(PairingsProjection).ToEnumerable()
            .Select(d => new HouseholdPairings(d["i"].AsString, d["v"].AsString, [.. d["c"].AsArray.Select(c => c.AsString)]));

    public IReadOnlyList<Cadre> CadresIn(string villageId) => [.. _cadres.Find(c => c.VillageId == villageId)];

    public RosterCounts Count() => new(_townships.Count(), _villages.Count(), _households.Count(), _cadres.Count(), _staff.Count());

    /// <summary>Read as projections of the ids only: building 10,000 households to learn their ids costs far more.</summary>
    public RosterIds Ids() => new(
        _townships.Query().Select(t => t.Id).ToEnumerable().ToHashSet(),
        _villages.Query().Select(v => v.Id).ToEnumerable().ToHashSet(),
        _cadres.Query().Select(c => c.Id).ToEnumerable().ToHashSet(),
        _staff.Query().Select(s => s.Id).ToEnumerable().ToHashSet(),
        _households.Query().Select(h => h.Id).ToEnumerable().ToHashSet());

    public bool Pair(string cadreId, string householdId, DateTimeOffset since)
    {
        lock (_writeGate)
        {
            _ = FindCadre(cadreId) ?? throw new RosterRuleException($"没有编号为 {cadreId} 的干部。");
            var household = FindHousehold(householdId) ?? throw new RosterRuleException($"没有编号为 {householdId} 的户。");
            if (!household.Pair(cadreId, since))
            {
                return false;
            }

            _households.Update(household);
            return true;
        }
    }

    public void Unpair(string cadreId, string householdId)
    {
        lock (_writeGate)
        {
            var household = FindHousehold(householdId) ?? throw new RosterRuleException($"没有编号为 {householdId} 的户。");
            household.Unpair(cadreId);
            _households.Update(household);
        }
    }

    /// <summary>
    /// One transaction (joining an outer unit of work when there is one, which then commits), with whole lists
    /// inserted and updated at once: a county of 10,000 households is one write, not 10,000.
    /// </summary>
    public int Apply(RosterChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var own = _database.BeginTrans();
        try
        {
            int pairingsAdded;
            lock (_writeGate)
            {
                pairingsAdded = Write(changes);
            }

            if (own)
            {
                _database.Commit();
            }

            return pairingsAdded;
        }
        catch
        {
            if (own)
            {
                _database.Rollback();
            }

            throw;
        }
    }

    /// <summary>New rows are inserted and known ones updated (not upserted), which halves the work on a first import.</summary>
    private int Write(RosterChanges changes)
    {
        Save(_townships, changes.Townships);
        Save(_villages, changes.Villages);
        Save(_cadres, changes.Cadres);
        Save(_staff, changes.Staff);

        var added = changes.Households.Added;
        var changed = new Dictionary<string, Household>(added.Count + changes.Households.Updated.Count);
        foreach (var household in added)
        {
            changed[household.Id] = household;
        }

        foreach (var parsed in changes.Households.Updated)
        {
            var stored = _households.FindById(parsed.Id);
            stored?.SetDetails(parsed.VillageId, parsed.HeadName, parsed.Members, parsed.Tags, parsed.Phone, parsed.Group);
            changed[parsed.Id] = stored ?? parsed;
        }

        var pairingsAdded = 0;
        foreach (var (cadreId, householdId) in changes.Pairings)
        {
            if (!changed.TryGetValue(householdId, out var household))
            {
                household = _households.FindById(householdId) ?? throw new RosterRuleException($"没有编号为 {householdId} 的户。");
                changed[householdId] = household;
            }

            if (household.Pair(cadreId, changes.PairedSince))
            {
                pairingsAdded++;
            }
        }

        var addedIds = added.Select(h => h.Id).ToHashSet(StringComparer.Ordinal);
        Save(_households, new RowChanges<Household>(
            [.. changed.Values.Where(h => addedIds.Contains(h.Id))],
            [.. changed.Values.Where(h => !addedIds.Contains(h.Id))]));
        return pairingsAdded;
    }

    private static void Save<T>(ILiteCollection<T> collection, RowChanges<T> rows)
    {
        if (rows.Added.Count > 0)
        {
            collection.Insert(rows.Added);
        }

        if (rows.Updated.Count > 0)
        {
            collection.Update(rows.Updated);
        }
    }
}
