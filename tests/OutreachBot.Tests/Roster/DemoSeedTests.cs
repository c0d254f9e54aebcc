using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Identity;
using OutreachBot.Roster;
using OutreachBot.Tests.Support;

namespace OutreachBot.Tests.Roster;

public sealed class DemoSeedTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private BotHarness Harness(bool demo = true) =>
        new(_folder.File("bot.db"), new Dictionary<string, string?> { ["Seeds:Demo"] = demo ? "true" : "false" });

    [Fact]
    public async Task The_demo_county_loads_with_every_household_paired_and_the_demo_identities_bound()
    {
        await using var bot = Harness();
        var roster = bot.Services.GetRequiredService<IRosterStore>();
        var resolver = bot.Services.GetRequiredService<IIdentityResolver>();

        var counts = roster.Count();
        var cadre = resolver.Resolve("console", "demo-cadre", onThisMachine: true);
        var staff = resolver.Resolve("emulator", "demo-staff", onThisMachine: true);

        Assert.Equal(new RosterCounts(3, 8, 150, 30, 4), counts);
        Assert.All(roster.AllHouseholds(), h => Assert.True(h.IsPaired, $"{h.Id} has no cadre"));
        Assert.Equal(Role.Cadre, cadre.Role);
        Assert.Equal(CadreRole.FirstSecretary, roster.FindCadre(cadre.PersonId!)!.Role);
        Assert.Equal(8, roster.HouseholdsOf(cadre.PersonId!).Count);
        Assert.Equal(Role.Staff, staff.Role);
        Assert.Equal(Role.Resident, resolver.Resolve("console", "someone-else", onThisMachine: true).Role);
    }

    [Fact]
    public async Task The_demo_identities_are_residents_for_a_caller_elsewhere()
    {
        await using var bot = Harness();
        var resolver = bot.Services.GetRequiredService<IIdentityResolver>();

        Assert.Equal(Role.Staff, resolver.Resolve("emulator", "demo-staff", onThisMachine: true).Role);
        Assert.Equal(Role.Resident, resolver.Resolve("wechat", "demo-staff").Role);
        Assert.Equal(Role.Resident, resolver.Resolve("webchat", "demo-staff").Role);
        Assert.Equal(Role.Resident, resolver.Resolve("emulator", "demo-cadre").Role);
    }

    [Fact]
    public async Task Restarting_on_the_same_file_duplicates_nothing()
    {
        RosterCounts first;
        int pairings;
        await using (var bot = Harness())
        {
            var roster = bot.Services.GetRequiredService<IRosterStore>();
            first = roster.Count();
            pairings = roster.AllHouseholds().Sum(h => h.Pairings.Count);
        }

        await using var again = Harness();
        var reopened = again.Services.GetRequiredService<IRosterStore>();

        Assert.Equal(first, reopened.Count());
        Assert.Equal(pairings, reopened.AllHouseholds().Sum(h => h.Pairings.Count));
        var bindings = again.Services.GetRequiredService<IBindingStore>();
        Assert.Single(bindings.BindingsOf("C101"));
        Assert.Single(bindings.BindingsOf("S02"));
    }

    [Fact]
    public void Loading_the_seeds_again_after_the_files_changed_adds_nothing_twice()
    {
        using var county = new DemoCounty();
        var before = county.Roster.AllHouseholds().Sum(h => h.Pairings.Count);

        var options = new SeedOptions { Demo = true, Path = "seeds" };
        var seeds = new DemoSeeds(county.Roster, county.Bindings, new OutreachBot.Storage.LiteDb.LiteDbSeedLog(county.Database), county.Clock, options, DemoCounty.RepositoryRoot, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        var load = seeds.Apply();
        var skip = seeds.Apply();

        Assert.True(load.Imported);
        Assert.False(skip.Imported);
        Assert.Equal(new RosterCounts(3, 8, 150, 30, 4), county.Roster.Count());
        Assert.Equal(before, county.Roster.AllHouseholds().Sum(h => h.Pairings.Count));
    }

    [Fact]
    public async Task With_the_demo_switched_off_the_demo_cadre_is_a_resident_again()
    {
        await using (var bot = Harness(demo: true))
        {
            Assert.Equal(Role.Cadre, bot.Services.GetRequiredService<IIdentityResolver>().Resolve("console", "demo-cadre", onThisMachine: true).Role);
        }

        await using var off = Harness(demo: false);

        Assert.Equal(Role.Resident, off.Services.GetRequiredService<IIdentityResolver>().Resolve("console", "demo-cadre", onThisMachine: true).Role);
        Assert.Equal(Role.Resident, off.Services.GetRequiredService<IIdentityResolver>().Resolve("console", "demo-staff", onThisMachine: true).Role);
    }

    [Fact]
    public async Task With_the_demo_off_on_a_new_file_there_is_no_roster()
    {
        await using var bot = Harness(demo: false);

        Assert.Equal(new RosterCounts(0, 0, 0, 0, 0), bot.Services.GetRequiredService<IRosterStore>().Count());
    }
}
