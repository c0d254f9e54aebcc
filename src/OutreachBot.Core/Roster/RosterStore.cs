using LiteDB;

namespace OutreachBot.Roster;

/// <summary>
/// The roster in LiteDB: one collection per entity, with the indexes the services query by. Pairings are stored in
/// their household (indexed by cadre), so finding a cadre's households is one index seek.
/// </summary>
public sealed class RosterStore
{
    public const string TownshipsCollection = "roster_townships";
    public const string VillagesCollection = "roster_villages";
    public const string HouseholdsCollection = "roster_households";
    public const string CadresCollection = "roster_cadres";
    public const string StaffCollection = "roster_staff";

    private const string PairedCadreIndex = "paired_cadre";

    private static readonly BsonExpression PairingsProjection = BsonExpression.Create("{ i: $._id, v: $.VillageId, c: $.Pairings[*].CadreId }");

    public RosterStore(ILiteDatabase database)
    {
        Database = database;
        Townships = database.GetCollection<Township>(TownshipsCollection);
        Villages = database.GetCollection<Village>(VillagesCollection);
        Households = database.GetCollection<Household>(HouseholdsCollection);
        Cadres = database.GetCollection<Cadre>(CadresCollection);
        Staff = database.GetCollection<Staff>(StaffCollection);

        Villages.EnsureIndex(v => v.TownshipId);
        Households.EnsureIndex(h => h.VillageId);
        Households.EnsureIndex(PairedCadreIndex, "$.Pairings[*].CadreId");
        Cadres.EnsureIndex(c => c.VillageId);
    }

    internal ILiteDatabase Database { get; }

    /// <summary>Serialises read-change-write of households within this process.</summary>
    internal Lock WriteGate { get; } = new();

    internal ILiteCollection<Township> Townships { get; }

    internal ILiteCollection<Village> Villages { get; }

    internal ILiteCollection<Household> Households { get; }

    internal ILiteCollection<Cadre> Cadres { get; }

    internal ILiteCollection<Staff> Staff { get; }

    public Township? FindTownship(string id) => Townships.FindById(id);

    public Village? FindVillage(string id) => Villages.FindById(id);

    public Household? FindHousehold(string id) => Households.FindById(id);

    public Cadre? FindCadre(string id) => Cadres.FindById(id);

    public Staff? FindStaff(string id) => Staff.FindById(id);

    public IReadOnlyList<Staff> AllStaff() => [.. Staff.FindAll()];

    public IReadOnlyList<Village> AllVillages() => [.. Villages.FindAll().OrderBy(v => v.TownshipId, StringComparer.Ordinal).ThenBy(v => v.Id, StringComparer.Ordinal)];

    public IReadOnlyList<Village> VillagesIn(string townshipId) => [.. Villages.Find(v => v.TownshipId == townshipId)];

    public IReadOnlyList<Household> HouseholdsIn(string villageId) => [.. Households.Find(h => h.VillageId == villageId)];

    /// <summary>The households paired with a cadre, by the multi-key index on the pairings.</summary>
    public IReadOnlyList<Household> HouseholdsOf(string cadreId) =>
        [.. Households.Find(BsonExpression.Create("$.Pairings[*].CadreId ANY = @0", new BsonValue(cadreId)))];

    public IEnumerable<Household> AllHouseholds() => Households.FindAll();

    public IReadOnlyList<Township> AllTownships() => [.. Townships.FindAll()];

    /// <summary>
    /// Every household's id, village and paired cadres, read as a projection without building the households (no tags,
    /// no phone): for counting at the county's scale, where building 10,000 households costs twice as much.
    /// </summary>
    public IEnumerable<HouseholdPairings> AllPairings() =>
        Households.Query().Select(PairingsProjection).ToEnumerable()
            .Select(d => new HouseholdPairings(d["i"].AsString, d["v"].AsString, [.. d["c"].AsArray.Select(c => c.AsString)]));

    public IReadOnlyList<Cadre> CadresIn(string villageId) => [.. Cadres.Find(c => c.VillageId == villageId)];

    public RosterCounts Count() => new(Townships.Count(), Villages.Count(), Households.Count(), Cadres.Count(), Staff.Count());

    /// <summary>Pairs a cadre with a household; false when they were already paired.</summary>
    public bool Pair(string cadreId, string householdId, DateTimeOffset since)
    {
        lock (WriteGate)
        {
            _ = FindCadre(cadreId) ?? throw new RosterRuleException($"没有编号为 {cadreId} 的干部。");
            var household = FindHousehold(householdId) ?? throw new RosterRuleException($"没有编号为 {householdId} 的户。");
            if (!household.Pair(cadreId, since))
            {
                return false;
            }

            Households.Update(household);
            return true;
        }
    }

    /// <summary>
    /// Removes a pairing. Refused with <see cref="HouseholdWouldBeUnpairedException"/> when it is the household's
    /// last one: "只做加法".
    /// </summary>
    public void Unpair(string cadreId, string householdId)
    {
        lock (WriteGate)
        {
            var household = FindHousehold(householdId) ?? throw new RosterRuleException($"没有编号为 {householdId} 的户。");
            household.Unpair(cadreId);
            Households.Update(household);
        }
    }
}

/// <summary>A household as <see cref="RosterStore.AllPairings"/> reads it: where it is and who is paired with it.</summary>
public sealed record HouseholdPairings(string HouseholdId, string VillageId, IReadOnlyList<string> CadreIds);

public sealed record RosterCounts(int Townships, int Villages, int Households, int Cadres, int Staff);
