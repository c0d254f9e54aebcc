using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OutreachBot.Identity;
using OutreachBot.Roster;
using OutreachBot.Storage;
using OutreachBot.Storage.LiteDb;
using OutreachBot.Storage.LiteDb.Roster;
using OutreachBot.Storage.LiteDb.Visits;
using OutreachBot.Tests.Support;
using OutreachBot.Time;
using OutreachBot.Visits;

namespace OutreachBot.Tests.Storage.Contracts;

/// <summary>
/// What any visit records must do, whatever holds them: a saved visit reads back whole, also after a restart, and
/// counts in the queries by cadre, village and month. Visits are made as a cadre makes them, through the service.
/// </summary>
public abstract class VisitsStoreContract : IDisposable
{
    // 10 December 2026 in Shanghai; the month runs from 1 December 00:00 +08:00 to 1 January.
    private static readonly DateTimeOffset Now = new(2026, 12, 10, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly CalendarMonth December = new(2026, 12);

    private readonly FakeTimeProvider _clock = new(Now);
    private IRosterStore? _roster;
    private IVisitRecords? _records;
    private VisitService? _service;

    public abstract void Dispose();

    /// <summary>An empty roster store and visit records, in one database.</summary>
    protected abstract (IRosterStore Roster, IVisitRecords Visits) CreateStores();

    /// <summary>The visit records again, as a restarted process opens them.</summary>
    protected abstract IVisitRecords Reopen();

    private IVisitRecords Records => Ensure()._records!;

    private VisitService Service => Ensure()._service!;

    [Fact]
    public void A_saved_visit_reads_back_whole()
    {
        var saved = Log("C1", "H1", Now.AddHours(-2), VisitKind.Relief, new VisitNotes("村里修路", "老人独居", "希望通自来水", "屋顶漏雨"), origin: "turn-1");

        var read = Records.Find(saved.Id)!;

        Assert.Equal("turn-1", read.Id);
        Assert.Equal(("C1", "H1", "V1", VisitKind.Relief), (read.CadreId, read.HouseholdId, read.VillageId, read.Kind));
        Assert.Equal(Now.AddHours(-2), read.At);
        Assert.Equal(Now, read.RecordedAt);
        Assert.Equal(saved.RecordedBy, read.RecordedBy);
        Assert.Equal(new VisitNotes("村里修路", "老人独居", "希望通自来水", "屋顶漏雨"), read.Notes);
        Assert.Null(Records.Find("no-such-visit"));
    }

    [Fact]
    public void A_replayed_save_with_the_same_origin_is_not_logged_twice()
    {
        var first = Log("C1", "H1", Now.AddHours(-1), VisitKind.HomeVisit, origin: "turn-1");
        var again = Log("C1", "H1", Now.AddHours(-1), VisitKind.HomeVisit, origin: "turn-1");

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(1, Records.Count());
    }

    [Fact]
    public void A_saved_visit_counts_in_its_month_and_not_in_the_month_before()
    {
        var november = Log("C1", "H1", December.Start.AddMinutes(-1), VisitKind.HomeVisit);
        var december = Log("C1", "H1", December.Start, VisitKind.HomeVisit);
        Log("C1", "H2", Now.AddDays(-1), VisitKind.FieldStay);
        Log("C2", "H3", Now.AddDays(-2), VisitKind.HomeVisit);

        Assert.Equal(4, Records.Count());
        Assert.Equal([december.Id], Records.ByCadre("C1", December.Start, December.End).Where(v => v.HouseholdId == "H1").Select(v => v.Id));
        Assert.Equal(2, Records.ByCadre("C1", December.Start, December.End).Count);
        Assert.Equal(3, Records.ByCadre("C1").Count);
        Assert.Equal(2, Records.ByCadreTo("C1", "H1").Count);
        Assert.Empty(Records.ByCadreTo("C2", "H1"));
        Assert.Equal(["H1", "H2"], Records.InVillage("V1", December.Start, December.End).Select(v => v.HouseholdId).Order(StringComparer.Ordinal));
        Assert.Equal(["H3"], Records.InVillage("V2", December.Start, December.End).Select(v => v.HouseholdId));
        Assert.Equal(3, Records.Since(December.Start).Count());
        Assert.Equal(
            ["H1 V1 HomeVisit", "H2 V1 FieldStay", "H3 V2 HomeVisit"],
            Records.StampsSince(December.Start).Select(s => $"{s.HouseholdId} {s.VillageId} {s.Kind}").Order(StringComparer.Ordinal));
        Assert.Equal(december.At, Records.StampsSince(December.Start).Single(s => s.HouseholdId == "H1").At);
        Assert.Equal(november.Id, Records.All().First().Id);
        Assert.Equal(Now.AddDays(-1), Records.LastVisitTo("H2"));
        Assert.Null(Records.LastVisitTo("H4"));

        var summary = Service.MonthSummary(Cadre("C1"), December);
        Assert.Equal((2, 2, 3), (summary.Visits, summary.HouseholdsCovered, summary.PairedHouseholds));
        Assert.Equal(["H1", "H2"], Service.HouseholdsVisitedIn("V1", December).Order(StringComparer.Ordinal));
        Assert.Empty(Service.HouseholdsVisitedIn("V1", new CalendarMonth(2027, 1)));
    }

    [Fact]
    public void A_saved_visit_is_there_after_a_restart()
    {
        var saved = Log("C1", "H1", Now.AddHours(-1), VisitKind.HomeVisit, new VisitNotes(Hopes: "希望修路"));

        var reopened = Reopen();

        Assert.Equal("希望修路", reopened.Find(saved.Id)!.Hopes);
        Assert.Equal([saved.Id], reopened.ByCadre("C1", December.Start, December.End).Select(v => v.Id));
    }

    private static UserIdentity Cadre(string cadreId) => new("test", "user-" + cadreId, Role.Cadre, cadreId);

    private Visit Log(string cadreId, string householdId, DateTimeOffset at, VisitKind kind, VisitNotes? notes = null, string? origin = null)
    {
        var result = Service.LogVisit(Cadre(cadreId), new LogVisitRequest(householdId, at, kind, notes, OriginKey: origin));
        Assert.True(result.Logged, result.Refusal?.ToString());
        return result.Visit!;
    }

    /// <summary>C1 is paired with H1, H2 and H4 in V1; C2 with H3 in V2.</summary>
    private VisitsStoreContract Ensure()
    {
        if (_service is null)
        {
            (_roster, _records) = CreateStores();
            _roster.Apply(new RosterChanges(
                new([new Township("T1", "岩门乡")], []),
                new([new Village("V1", "青岩村", "T1"), new Village("V2", "石桥村", "T1")], []),
                new([new Cadre("C1", "林文涛", "县旅游发展局", CadreRole.HelpingCadre), new Cadre("C2", "陈浩", "县教育局", CadreRole.HelpingCadre)], []),
                new([], []),
                new([new Household("H1", "V1", "王德明", 4), new Household("H2", "V1", "张秀英", 2), new Household("H3", "V2", "李四", 3), new Household("H4", "V1", "赵五", 1)], []),
                [("C1", "H1"), ("C1", "H2"), ("C1", "H4"), ("C2", "H3")],
                Now.AddYears(-1)));
            _service = new VisitService(_roster, _records, _clock, NullLogger<VisitService>.Instance);
        }

        return this;
    }
}

public sealed class LiteDbVisitsStoreContractTests : VisitsStoreContract
{
    private readonly TempFolder _folder = new();
    private LiteDatabase? _database;

    public override void Dispose()
    {
        _database?.Dispose();
        _folder.Dispose();
    }

    protected override (IRosterStore Roster, IVisitRecords Visits) CreateStores()
    {
        _database = Open();
        return (new LiteDbRosterStore(_database), new LiteDbVisitRecords(_database));
    }

    protected override IVisitRecords Reopen()
    {
        _database?.Dispose();
        _database = Open();
        return new LiteDbVisitRecords(_database);
    }

    private LiteDatabase Open() => Database.Open(new StorageOptions { Path = _folder.File("bot.db") }, _folder.Path);
}
