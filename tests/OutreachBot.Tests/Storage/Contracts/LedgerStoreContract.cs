using Microsoft.Extensions.Time.Testing;
using OutreachBot.Ledger;
using OutreachBot.Ledger.Forwarding;
using OutreachBot.Storage;

namespace OutreachBot.Tests.Storage.Contracts;

/// <summary>The ledger's stores as one backend provides them, on one database.</summary>
public sealed record LedgerStores(ILedgerStore Entries, ILedgerOutbox Outbox, ITrackingCounters Counters, IUnitOfWork Units, OutboxSignal Signal);

/// <summary>
/// What every backend's ledger storage must do, whatever the database: an entry and its outbox events are kept
/// together or not at all, also inside a caller's unit of work; tracking numbers never repeat or skip; the named
/// queries return what they say. A backend runs these by deriving and saying how its stores are made.
/// </summary>
public abstract class LedgerStoreContract
{
    /// <summary>Outbox records are queued for each of these.</summary>
    protected static readonly IReadOnlyList<string> Adapters = ["litedb", "webhook"];

    protected static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.FromHours(8));

    protected FakeTimeProvider Clock { get; } = new(Now);

    /// <summary>Fresh, empty stores on one new database, with <see cref="Adapters"/> configured and <see cref="Clock"/> as their clock.</summary>
    protected abstract LedgerStores Create();

    [Fact]
    public void An_entry_saved_with_its_changes_queues_exactly_their_events_for_each_adapter()
    {
        var stores = Create();
        var entry = Entry("MS20261127-0001", "V0101");
        var assigned = entry.Assign("乡水利站", null, "routing", Now);

        stores.Entries.Save(entry, null, assigned);

        var saved = stores.Entries.Find(entry.Id);
        Assert.NotNull(saved);
        Assert.Equal(EntryStatus.Assigned, saved.Status);
        var records = stores.Outbox.ForEntry(entry.Id);
        Assert.Equal(
            Adapters.SelectMany(a => new[] { $"{a}:{entry.Id}/created", $"{a}:{entry.Id}/1" }).Order(),
            records.Select(r => r.Id).Order());
        Assert.All(records, r => Assert.Null(r.DeliveredAt));
        Assert.Equal(records.Count, stores.Outbox.Pending().Count);

        // A save without changes (an external id noted) queues nothing more; the same change saved again is not queued twice.
        saved.ExternalId = "311-42";
        stores.Entries.Save(saved);
        stores.Entries.Save(saved, saved.History[^1]);
        Assert.Equal(records.Count, stores.Outbox.ForEntry(entry.Id).Count);
        Assert.Equal("311-42", stores.Entries.Find(entry.Id)!.ExternalId);
    }

    [Fact]
    public void A_save_that_fails_part_way_keeps_neither_the_entry_nor_any_event()
    {
        var stores = Create();

        // No reporter: the entry itself can be written, its event cannot be built from it.
        var broken = new LedgerEntry("MS20261127-0002", LedgerBook.LivelihoodRequests, "饮水", "井水浑浊", null!, "V0101", "青岩村", Now, Now.AddDays(15));
        Assert.ThrowsAny<Exception>(() => stores.Entries.Save(broken, [null]));

        Assert.Null(stores.Entries.Find(broken.Id));
        Assert.Empty(stores.Outbox.ForEntry(broken.Id));
        Assert.Equal(0, stores.Entries.Count());

        // The store is still usable afterwards.
        var entry = Entry("MS20261127-0003", "V0101");
        stores.Entries.Save(entry, [null]);
        Assert.NotNull(stores.Entries.Find(entry.Id));
        Assert.Equal(Adapters.Count, stores.Outbox.ForEntry(entry.Id).Count);
    }

    [Fact]
    public void Saves_inside_a_unit_of_work_that_fails_leave_nothing_and_inside_one_that_completes_are_kept()
    {
        var stores = Create();
        var first = Entry("MS20261127-0004", "V0101");
        var second = Entry("MS20261127-0005", "V0102");

        Assert.Throws<InvalidOperationException>(() => stores.Units.Run(() =>
        {
            stores.Entries.Save(first, null, first.Assign("乡水利站", null, "routing", Now));
            stores.Entries.Save(second, [null]);
            throw new InvalidOperationException("the minutes could not be saved");
        }));

        Assert.Null(stores.Entries.Find(first.Id));
        Assert.Null(stores.Entries.Find(second.Id));
        Assert.Empty(stores.Outbox.Pending());

        var third = Entry("MS20261127-0006", "V0101");
        stores.Units.Run(() =>
        {
            stores.Entries.Save(third, [null]);
            stores.Entries.Save(third, third.Assign("乡水利站", null, "meeting", Now));
        });

        Assert.Equal(EntryStatus.Assigned, stores.Entries.Find(third.Id)!.Status);
        Assert.Equal(2 * Adapters.Count, stores.Outbox.ForEntry(third.Id).Count);
    }

    [Fact]
    public async Task Tracking_numbers_are_unique_and_consecutive_per_ledger_and_day_under_concurrent_calls()
    {
        var numbers = new TrackingNumbers(Create().Counters);
        var days = new[] { Now, Now.AddDays(1) };
        var books = new[] { LedgerBook.LivelihoodRequests, LedgerBook.Stability };
        const int PerLane = 60;

        var calls = Enumerable.Range(0, PerLane).SelectMany(_ => books.SelectMany(b => days.Select(d => (Book: b, Day: d)))).ToList();
        var issued = await Task.WhenAll(calls.Select(c => Task.Run(() => numbers.Next(c.Book, c.Day))));

        Assert.Equal(issued.Length, issued.Distinct().Count());
        foreach (var lane in issued.GroupBy(n => n[..10]))
        {
            Assert.Equal(Enumerable.Range(1, PerLane), lane.Select(n => int.Parse(n[11..], System.Globalization.CultureInfo.InvariantCulture)).Order());
        }

        Assert.Equal(["MS20261127", "MS20261128", "WD20261127", "WD20261128"], issued.Select(n => n[..10]).Distinct().Order());
    }

    [Fact]
    public void Events_queued_inside_a_unit_of_work_wake_the_dispatcher_once_the_unit_has_committed_and_not_before()
    {
        var stores = Create();
        var entry = Entry("MS20261127-0015", "V0101");
        var wokenInside = true;

        stores.Units.Run(() =>
        {
            stores.Entries.Save(entry, [null]);
            wokenInside = Woken(stores.Signal);
        });

        // Woken before the commit, the dispatcher found nothing to send and slept until its next poll (5 s).
        Assert.False(wokenInside);
        Assert.True(Woken(stores.Signal));
    }

    [Fact]
    public void A_unit_of_work_that_fails_wakes_nobody()
    {
        var stores = Create();
        var entry = Entry("MS20261127-0016", "V0101");

        Assert.Throws<InvalidOperationException>(() => stores.Units.Run(() =>
        {
            stores.Entries.Save(entry, [null]);
            throw new InvalidOperationException("minutes could not be saved");
        }));

        Assert.False(Woken(stores.Signal));
        Assert.Null(stores.Entries.Find(entry.Id));
    }

    [Fact]
    public void Of_reporter_returns_one_chat_identity_s_entries_newest_first()
    {
        var stores = Create();
        var older = Entry("MS20261127-0007", "V0101", reporter: new Reporter("wechat", "u-1"), raisedAt: Now.AddDays(-3));
        var newer = Entry("MS20261127-0008", "V0102", reporter: new Reporter("wechat", "u-1"), raisedAt: Now);
        var otherChannel = Entry("MS20261127-0009", "V0101", reporter: new Reporter("webchat", "u-1"));
        var otherUser = Entry("MS20261127-0010", "V0101", reporter: new Reporter("wechat", "u-2"));
        foreach (var entry in new[] { older, otherChannel, newer, otherUser })
        {
            stores.Entries.Save(entry, [null]);
        }

        Assert.Equal([newer.Id, older.Id], stores.Entries.OfReporter("wechat", "u-1").Select(e => e.Id));
        Assert.Equal([otherChannel.Id], stores.Entries.OfReporter("webchat", "u-1").Select(e => e.Id));
        Assert.Empty(stores.Entries.OfReporter("wechat", "nobody"));
    }

    [Fact]
    public void Open_in_returns_a_village_s_open_entries_oldest_first_and_the_other_queries_agree()
    {
        var stores = Create();
        var early = Entry("MS20261127-0011", "V0101", raisedAt: Now.AddDays(-20), originKey: "turn-1");
        var late = Entry("MS20261127-0012", "V0101", raisedAt: Now.AddDays(-1));
        var closed = Entry("MS20261127-0013", "V0101", raisedAt: Now.AddDays(-2));
        var elsewhere = Entry("MS20261127-0014", "V0102");
        var changes = new[] { closed.Assign("乡水利站", null, "routing", Now), closed.CloseUnresolved("不属实", "staff", Now) };
        stores.Entries.Save(late, [null]);
        stores.Entries.Save(early, [null]);
        stores.Entries.Save(closed, [null, .. changes]);
        stores.Entries.Save(elsewhere, [null]);

        Assert.Equal([early.Id, late.Id], stores.Entries.OpenIn("V0101").Select(e => e.Id));
        Assert.Equal([elsewhere.Id], stores.Entries.OpenIn("V0102").Select(e => e.Id));
        Assert.Empty(stores.Entries.OpenIn("V9999"));
        Assert.Equal([closed.Id, late.Id], stores.Entries.InVillageSince("V0101", Now.AddDays(-7)).Select(e => e.Id));
        Assert.Equal([closed.Id], stores.Entries.WithStatus(EntryStatus.ClosedUnresolved).Select(e => e.Id));
        Assert.Equal(early.Id, stores.Entries.FindByOrigin("turn-1")?.Id);
        Assert.Null(stores.Entries.FindByOrigin("turn-2"));
        Assert.Equal(4, stores.Entries.Count());
        Assert.Equal(4, stores.Entries.All().Count());
    }

    [Fact]
    public void An_entry_reads_back_with_everything_it_was_saved_with()
    {
        var stores = Create();
        var entry = Entry("KN20261127-0001", "V0101", reporter: new Reporter("wechat", "u-3", "唐正全", "13800000000", "C001"));
        entry.HouseholdId = "H010101";
        entry.Location = "32.91,104.24 三组村口";
        entry.AddPhotos(["https://example.test/p1.jpg"]);
        var changes = new[]
        {
            entry.Assign("乡民政办", "C001", "routing", Now),
            entry.StartWork("C001", Now.AddHours(1)),
            entry.Resolve("已申请临时救助", "C001", Now.AddDays(2)),
            entry.RecordSatisfaction(Satisfaction.BasicallySatisfied, null, "reporter", Now.AddDays(3)),
        };
        stores.Entries.Save(entry, [null, .. changes]);

        var read = stores.Entries.Find(entry.Id)!;
        Assert.Equal(
            (entry.Book, entry.Kind, entry.Description, entry.Reporter, entry.VillageId, entry.VillageName, entry.HouseholdId, entry.Location),
            (read.Book, read.Kind, read.Description, read.Reporter, read.VillageId, read.VillageName, read.HouseholdId, read.Location));
        Assert.Equal(entry.Photos, read.Photos);
        Assert.Equal((entry.RaisedAt, entry.DueAt, entry.ResolvedAt, entry.ClosedAt), (read.RaisedAt, read.DueAt, read.ResolvedAt, read.ClosedAt));
        Assert.Equal((EntryStatus.Closed, Satisfaction.BasicallySatisfied, "已申请临时救助", "乡民政办", "C001"), (read.Status, read.Satisfaction!.Value, read.Resolution, read.AssignedUnit, read.AssignedCadreId));
        Assert.Equal(entry.History, read.History);
        Assert.Equal(5 * Adapters.Count, stores.Outbox.ForEntry(entry.Id).Count);
    }

    private static LedgerEntry Entry(string id, string villageId, Reporter? reporter = null, DateTimeOffset? raisedAt = null, string? originKey = null)
    {
        var at = raisedAt ?? Now;
        return new LedgerEntry(
            id, LedgerBooks.FromPrefix(id[..2])!.Value, "饮水", "三组的井水浑浊，喝了肚子疼", reporter ?? new Reporter("wechat", "u-0"), villageId, villageId == "V0101" ? "青岩村" : "别的村", at, at.AddDays(15))
        {
            OriginKey = originKey,
        };
    }

    /// <summary>Whether the dispatcher's signal is set now (taking it, as the dispatcher would).</summary>
    private static bool Woken(OutboxSignal signal) => signal.WaitAsync(TimeSpan.Zero, CancellationToken.None).GetAwaiter().GetResult();
}
