using LiteDB;
using OutreachBot.Roster;
using OutreachBot.Storage;
using OutreachBot.Storage.LiteDb;
using OutreachBot.Storage.LiteDb.Roster;
using OutreachBot.Tests.Support;

namespace OutreachBot.Tests.Storage.Contracts;

/// <summary>
/// What any roster store must do, whatever holds it: an import's changes land whole or not at all, and the
/// households are found by cadre and by village afterwards.
/// </summary>
public abstract class RosterStoreContract : IDisposable
{
    private static readonly DateTimeOffset Since = new(2026, 3, 1, 9, 0, 0, TimeSpan.FromHours(8));

    private readonly Lazy<IRosterStore> _store;

    protected RosterStoreContract() => _store = new Lazy<IRosterStore>(CreateRosterStore);

    private IRosterStore Store => _store.Value;

    public abstract void Dispose();

    /// <summary>An empty roster store.</summary>
    protected abstract IRosterStore CreateRosterStore();

    [Fact]
    public void An_applied_import_is_found_by_cadre_and_by_village()
    {
        var pairingsAdded = Store.Apply(County());

        Assert.Equal(3, pairingsAdded);
        Assert.Equal(new RosterCounts(1, 2, 3, 2, 2), Store.Count());
        Assert.Equal(["H1", "H2"], Store.HouseholdsOf("C1").Select(h => h.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["H3"], Store.HouseholdsOf("C2").Select(h => h.Id));
        Assert.Empty(Store.HouseholdsOf("C9"));
        Assert.Equal(["H1", "H2"], Store.HouseholdsIn("V1").Select(h => h.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["H3"], Store.HouseholdsIn("V2").Select(h => h.Id));
        Assert.Equal(["V1", "V2"], Store.VillagesIn("T1").Select(v => v.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["C1"], Store.CadresIn("V1").Select(c => c.Id));
        Assert.Equal(["S1"], Store.StaffOf("T1").Select(s => s.Id));
        Assert.Equal(["S2"], Store.StaffOf(null).Select(s => s.Id));
        Assert.Equal(
            ["H1:V1:C1", "H2:V1:C1", "H3:V2:C2"],
            Store.AllPairings().Select(p => $"{p.HouseholdId}:{p.VillageId}:{string.Join('+', p.CadreIds)}").Order(StringComparer.Ordinal));
        var household = Store.FindHousehold("H1")!;
        Assert.Equal(("王德明", 4, "13912345678"), (household.HeadName, household.Members, household.Phone));
        Assert.Equal(["低保"], household.Tags);
        Assert.Equal(Since, Assert.Single(household.Pairings).Since);
        var ids = Store.Ids();
        Assert.Equal(["H1", "H2", "H3"], ids.Households.Order(StringComparer.Ordinal));
        Assert.Equal(["T1"], ids.Townships);
    }

    [Fact]
    public void An_update_keeps_the_stored_pairings_and_a_pairing_is_added_once()
    {
        Store.Apply(County());

        var pairingsAdded = Store.Apply(Changes(
            households: new([], [new Household("H1", "V1", "王德民", 2)]),
            pairings: [("C1", "H1"), ("C2", "H1"), ("C2", "H3")]));

        Assert.Equal(1, pairingsAdded);
        var household = Store.FindHousehold("H1")!;
        Assert.Equal(("王德民", 2), (household.HeadName, household.Members));
        Assert.Equal(["C1", "C2"], household.Pairings.Select(p => p.CadreId));
        Assert.Equal(["H1", "H3"], Store.HouseholdsOf("C2").Select(h => h.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_apply_that_fails_halfway_on_a_taken_id_leaves_the_earlier_roster_as_it_was() =>
        AssertFailsWhole(Changes(
            townships: new([new Township("T2", "新乡")], []),
            villages: new([new Village("V3", "新村", "T2")], []),
            households: new([new Household("H4", "V3", "新户", 3), new Household("H1", "V1", "抢先写入", 1)], [new Household("H2", "V1", "改了名", 5)]),
            pairings: [("C1", "H4"), ("C2", "H2")]));

    [Fact]
    public void An_apply_that_fails_halfway_on_a_missing_household_leaves_the_earlier_roster_as_it_was() =>
        AssertFailsWhole(Changes(
            townships: new([new Township("T2", "新乡")], []),
            villages: new([new Village("V3", "新村", "T2")], []),
            households: new([new Household("H4", "V3", "新户", 3)], [new Household("H2", "V1", "改了名", 5)]),
            pairings: [("C1", "H4"), ("C2", "H2"), ("C2", "H404")]));

    /// <summary>The failing changes come after a new township and household in the same apply.</summary>
    private void AssertFailsWhole(RosterChanges failing)
    {
        Store.Apply(County());
        var before = Describe();

        Assert.ThrowsAny<Exception>(() => Store.Apply(failing));

        Assert.Equal(before, Describe());
        Assert.Null(Store.FindTownship("T2"));
        Assert.Null(Store.FindHousehold("H4"));
        Assert.Equal("张秀英", Store.FindHousehold("H2")!.HeadName);
        Assert.Equal(["C1"], Store.FindHousehold("H2")!.Pairings.Select(p => p.CadreId));

        // The store carries on after the failure.
        Assert.True(Store.Pair("C2", "H2", Since));
        Assert.Equal(["C1", "C2"], Store.FindHousehold("H2")!.Pairings.Select(p => p.CadreId));
    }

    [Fact]
    public void The_last_pairing_of_a_household_cannot_be_removed()
    {
        Store.Apply(County());
        Assert.True(Store.Pair("C2", "H1", Since));
        Assert.False(Store.Pair("C2", "H1", Since));

        Store.Unpair("C1", "H1");

        Assert.Throws<HouseholdWouldBeUnpairedException>(() => Store.Unpair("C2", "H1"));
        Assert.Equal(["C2"], Store.FindHousehold("H1")!.Pairings.Select(p => p.CadreId));
        Assert.Equal(["H2"], Store.HouseholdsOf("C1").Select(h => h.Id));
    }

    /// <summary>One township, two villages, three households, two cadres, a township and a county staff member.</summary>
    private static RosterChanges County() => Changes(
        townships: new([new Township("T1", "岩门乡")], []),
        villages: new([new Village("V1", "青岩村", "T1"), new Village("V2", "石桥村", "T1")], []),
        cadres: new([new Cadre("C1", "林文涛", "县旅游发展局", CadreRole.FirstSecretary, "V1"), new Cadre("C2", "陈浩", "县教育局", CadreRole.CountyLeader)], []),
        staff: new([new Staff("S1", "杨梅", "T1"), new Staff("S2", "吴军", "county")], []),
        households: new([new Household("H1", "V1", "王德明", 4, ["低保"], "13912345678"), new Household("H2", "V1", "张秀英", 2), new Household("H3", "V2", "李四", 3)], []),
        pairings: [("C1", "H1"), ("C1", "H2"), ("C2", "H3")]);

    private static RosterChanges Changes(
        RowChanges<Township>? townships = null,
        RowChanges<Village>? villages = null,
        RowChanges<Cadre>? cadres = null,
        RowChanges<Staff>? staff = null,
        RowChanges<Household>? households = null,
        IReadOnlyList<(string, string)>? pairings = null) =>
        new(townships ?? new([], []), villages ?? new([], []), cadres ?? new([], []), staff ?? new([], []), households ?? new([], []), pairings ?? [], Since);

    /// <summary>Everything the store answers about its roster, as text to compare before and after.</summary>
    private string Describe() => string.Join("\n",
        Store.Count().ToString(),
        string.Join(",", Store.AllTownships().Select(t => $"{t.Id}={t.Name}").Order(StringComparer.Ordinal)),
        string.Join(",", Store.AllVillages().Select(v => $"{v.Id}={v.Name}@{v.TownshipId}")),
        string.Join(",", Store.AllStaff().Select(s => $"{s.Id}={s.Name}@{s.TownshipId}").Order(StringComparer.Ordinal)),
        string.Join(",", Store.AllHouseholds().Select(h => $"{h.Id}={h.HeadName}/{h.Members}@{h.VillageId}:{string.Join('+', h.Pairings.Select(p => p.CadreId))}").Order(StringComparer.Ordinal)));
}

public sealed class LiteDbRosterStoreContractTests : RosterStoreContract
{
    private readonly TempFolder _folder = new();
    private LiteDatabase? _database;

    public override void Dispose()
    {
        _database?.Dispose();
        _folder.Dispose();
    }

    protected override IRosterStore CreateRosterStore()
    {
        _database = Database.Open(new StorageOptions { Path = _folder.File("bot.db") }, _folder.Path);
        return new LiteDbRosterStore(_database);
    }
}
