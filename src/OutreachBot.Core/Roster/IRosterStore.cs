namespace OutreachBot.Roster;

/// <summary>
/// The roster: townships, villages, households with their pairings, cadres and staff. Finding a cadre's households
/// must stay cheap (an index on the pairings), because every visit and ledger check asks it.
/// </summary>
public interface IRosterStore
{
    /// <summary>
    /// The service key under which a storage provider registers its roster store; the roster registration hands it
    /// out unkeyed only after the demo seeds are applied, so every reader sees the seeded roster.
    /// </summary>
    public const string UnseededKey = "roster:unseeded";

    Township? FindTownship(string id);

    Village? FindVillage(string id);

    Household? FindHousehold(string id);

    Cadre? FindCadre(string id);

    Staff? FindStaff(string id);

    IReadOnlyList<Township> AllTownships();

    /// <summary>Every village, by township and then by id.</summary>
    IReadOnlyList<Village> AllVillages();

    IReadOnlyList<Village> VillagesIn(string townshipId);

    IEnumerable<Household> AllHouseholds();

    IReadOnlyList<Household> HouseholdsIn(string villageId);

    /// <summary>The households paired with a cadre.</summary>
    IReadOnlyList<Household> HouseholdsOf(string cadreId);

    /// <summary>
    /// Every household's id, village and paired cadres, without building the households (no tags, no phone): for
    /// counting at the county's scale, where building 10,000 households costs twice as much.
    /// </summary>
    IEnumerable<HouseholdPairings> AllPairings();

    IReadOnlyList<Cadre> CadresIn(string villageId);

    IReadOnlyList<Staff> AllStaff();

    /// <summary>The staff of a township office, or of the county office when <paramref name="townshipId"/> is null.</summary>
    IReadOnlyList<Staff> StaffOf(string? townshipId);

    RosterCounts Count();

    /// <summary>The ids of everything on the roster, table by table: what an import checks its rows against.</summary>
    RosterIds Ids();

    /// <summary>Pairs a cadre with a household; false when they were already paired.</summary>
    bool Pair(string cadreId, string householdId, DateTimeOffset since);

    /// <summary>
    /// Removes a pairing. Refused with <see cref="HouseholdWouldBeUnpairedException"/> when it is the household's
    /// last one: "只做加法".
    /// </summary>
    void Unpair(string cadreId, string householdId);

    /// <summary>
    /// Writes an import's changes all together or (on any failure, e.g. a row added meanwhile under a new row's id)
    /// not at all. Returns how many pairings were new.
    /// </summary>
    int Apply(RosterChanges changes);
}

/// <summary>A household as <see cref="IRosterStore.AllPairings"/> reads it: where it is and who is paired with it.</summary>
public sealed record HouseholdPairings(string HouseholdId, string VillageId, IReadOnlyList<string> CadreIds);

public sealed record RosterCounts(int Townships, int Villages, int Households, int Cadres, int Staff);

public sealed record RosterIds(IReadOnlySet<string> Townships, IReadOnlySet<string> Villages, IReadOnlySet<string> Cadres, IReadOnlySet<string> Staff, IReadOnlySet<string> Households);

/// <summary>
/// Rows of one roster table to write: those new to the roster (added; an id already there fails the whole apply) and
/// those it holds already (replaced).
/// </summary>
public sealed record RowChanges<T>(IReadOnlyList<T> Added, IReadOnlyList<T> Updated);

/// <summary>
/// What an import writes. A household already on the roster takes the details of its updated row and keeps its
/// pairings; the pairings listed are added (to new or stored households) with <see cref="PairedSince"/>, those already
/// there are left as they are ("只做加法").
/// </summary>
public sealed record RosterChanges(
    RowChanges<Township> Townships,
    RowChanges<Village> Villages,
    RowChanges<Cadre> Cadres,
    RowChanges<Staff> Staff,
    RowChanges<Household> Households,
    IReadOnlyList<(string CadreId, string HouseholdId)> Pairings,
    DateTimeOffset PairedSince);
