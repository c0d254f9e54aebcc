using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OutreachBot.Hosting;
using OutreachBot.Identity;
using OutreachBot.Roster;
using OutreachBot.Roster.Import;
using OutreachBot.Storage;
using OutreachBot.Texts;
using OutreachBot.Visits;
using OutreachBot.Storage.LiteDb;
using OutreachBot.Storage.LiteDb.Roster;
using OutreachBot.Storage.LiteDb.Visits;

namespace OutreachBot.Tests.Roster;

/// <summary>
/// The committed demo county (seeds/roster) imported into a real in-memory LiteDB, with the services wired as the
/// host wires them and a clock the test moves. In it: 林文涛 (C101) is 青岩村's first secretary, paired with
/// H0101001–008 (王德明 is H0101001, 张秀英 H0101004); 陈浩 (C201) is its work-team member (H0101009–013);
/// helping cadres 谢开明 (C301) and 王剑锋 (C302) have H0101014–020; 马建川 (C001) is the county leader.
/// </summary>
public sealed class DemoCounty : IDisposable
{
    public static readonly string RepositoryRoot = ContentRoot.Locate();
    public static readonly string RosterFolder = Path.Combine(RepositoryRoot, "seeds", "roster");

    public DemoCounty(DateTimeOffset? now = null)
    {
        Clock = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 12, 10, 9, 0, 0, TimeSpan.FromHours(8)));
        Database = OutreachBot.Storage.LiteDb.Database.InMemory();
        Roster = new LiteDbRosterStore(Database);
        var imported = new RosterImporter(Roster, Clock).Import(RosterSource.FromFolder(RosterFolder));
        Assert.True(imported.Succeeded, string.Join("\n", imported.Errors));
        Bindings = new OutreachBot.Storage.LiteDb.Identity.LiteDbBindingStore(Database);
        Resolver = new RosterIdentityResolver(Bindings, Roster);
        Identity = new IdentityService(Roster, Bindings, Resolver, Clock, Options.Create(new IdentityOptions()), NullLogger<IdentityService>.Instance);
        Visits = new VisitService(Roster, new LiteDbVisitRecords(Database), Clock, NullLogger<VisitService>.Instance);
        Texts = TextCatalog.Load(Path.Combine(RepositoryRoot, "dialogs"));
        Replies = new VisitReplies(Texts, Clock);
    }

    public FakeTimeProvider Clock { get; }

    public LiteDatabase Database { get; }

    public IRosterStore Roster { get; }

    public IBindingStore Bindings { get; }

    public RosterIdentityResolver Resolver { get; }

    public IdentityService Identity { get; }

    public VisitService Visits { get; }

    public TextCatalog Texts { get; }

    public VisitReplies Replies { get; }

    /// <summary>A chat user bound to this cadre, as the resolver sees them.</summary>
    public UserIdentity Cadre(string cadreId)
    {
        Bindings.Save(new Binding("test", "user-" + cadreId, Role.Cadre, cadreId, Clock.GetUtcNow()));
        return Resolver.Resolve("test", "user-" + cadreId);
    }

    public UserIdentity StaffMember(string staffId)
    {
        Bindings.Save(new Binding("test", "user-" + staffId, Role.Staff, staffId, Clock.GetUtcNow()));
        return Resolver.Resolve("test", "user-" + staffId);
    }

    public UserIdentity Resident(string userId = "villager-1") => Resolver.Resolve("test", userId);

    public void Dispose() => Database.Dispose();
}
