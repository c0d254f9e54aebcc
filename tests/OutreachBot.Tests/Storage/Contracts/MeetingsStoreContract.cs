using LiteDB;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OutreachBot.Ledger;
using OutreachBot.Ledger.Forwarding;
using OutreachBot.Meetings;
using OutreachBot.Storage;
using OutreachBot.Storage.LiteDb;
using OutreachBot.Storage.LiteDb.Ledger;
using OutreachBot.Storage.LiteDb.Meetings;
using OutreachBot.Tests.Support;

namespace OutreachBot.Tests.Storage.Contracts;

/// <summary>
/// What the meetings' stores promise, whatever holds them: calendars and minutes read back as saved, a reminder is
/// claimed once per (meeting, start, offset, person), and minutes with the ledger assignments they make are saved in
/// one unit of work or not at all.
/// </summary>
public abstract class MeetingsStoreContract
{
    protected static readonly DateTimeOffset Now = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);

    protected abstract IMeetingCalendars Calendars { get; }

    protected abstract IMeetingMinutes Minutes { get; }

    protected abstract IReminderLog Reminders { get; }

    protected abstract ILedgerStore Ledger { get; }

    protected abstract IUnitOfWork UnitOfWork { get; }

    [Fact]
    public void A_calendar_reads_back_with_its_changes()
    {
        var calendar = new MeetingCalendar("V0101", MeetingScope.Village, "T01", "0 14 * * 5L", "Asia/Shanghai", "青岩村村委会会议室");
        var key = calendar.Next(Now)!.Key;
        calendar.Move(key, Now.AddDays(9), "村小学", "S01", Now, "赶集");
        Calendars.Save(calendar);
        Calendars.Save(new MeetingCalendar("T02", MeetingScope.Township, "T02", "0 9 1 * *", "Asia/Shanghai", "乡政府"));

        var read = Calendars.Find("V0101")!;
        Assert.Equal(("0 14 * * 5L", "Asia/Shanghai", "青岩村村委会会议室"), (read.Rule, read.TimeZone, read.Place));
        Assert.Equal(Now.AddDays(9), read.Find(key)!.Start);
        Assert.Equal("村小学", read.Find(key)!.Place);
        Assert.Equal(["V0101"], Calendars.InTownship("T01").Select(c => c.Id));
        Assert.Equal(2, Calendars.All().Count);
        Assert.Null(Calendars.Find("V9999"));
    }

    [Fact]
    public void Minutes_replace_earlier_minutes_of_the_same_meeting_and_count_as_held()
    {
        Assert.False(Minutes.Save(MinutesOf("V0101", Now.AddDays(-30))));
        Assert.True(Minutes.Save(MinutesOf("V0101", Now.AddDays(-30), recordedBy: "S02")));
        Assert.False(Minutes.Save(MinutesOf("V0101", Now.AddDays(-60))));
        Assert.False(Minutes.Save(MinutesOf("V0102", Now.AddDays(-1))));

        Assert.Equal("S02", Minutes.Find(MeetingId("V0101", Now.AddDays(-30)))!.RecordedBy);
        Assert.Equal([Now.AddDays(-60), Now.AddDays(-30)], Minutes.OfCalendar("V0101").Select(m => m.Start));
        Assert.Equal(2, Minutes.CountHeld(Now.AddDays(-45), Now));
        Assert.Equal(1, Minutes.CountHeld(Now.AddDays(-45), Now, ["V0102"]));
        Assert.Equal(
            [("V0101", Now.AddDays(-60)), ("V0101", Now.AddDays(-30)), ("V0102", Now.AddDays(-1))],
            Minutes.AllHeld().Select(h => (h.CalendarId, h.Start)).Order());
    }

    [Fact]
    public void A_reminder_is_claimed_once_per_meeting_start_offset_and_person()
    {
        var meeting = new MeetingOccurrence("V0101", "202611271400", Now.AddDays(7), Now.AddDays(7), "村委会", OccurrenceStatus.Scheduled);
        var first = Reminder(meeting, TimeSpan.FromDays(1), "C101");
        Assert.True(Reminders.TryClaim(first));

        var again = Reminder(meeting, TimeSpan.FromDays(1), "C101");
        again.Outcome = ReminderOutcome.Failed;
        Assert.False(Reminders.TryClaim(again));
        Assert.Equal(ReminderOutcome.Sending, Reminders.Find(first.Id)!.Outcome);

        Assert.True(Reminders.TryClaim(Reminder(meeting, TimeSpan.FromHours(2), "C101")));
        Assert.True(Reminders.TryClaim(Reminder(meeting, TimeSpan.FromDays(1), "C201")));
        var moved = meeting with { Start = Now.AddDays(8), Status = OccurrenceStatus.Moved };
        Assert.True(Reminders.TryClaim(Reminder(moved, TimeSpan.FromDays(1), "C101")));

        Assert.Equal(3, Reminders.OfMeeting(meeting).Count);
        Assert.Single(Reminders.OfMeeting(moved));
        Assert.Equal(4, Reminders.All().Count());
    }

    [Fact]
    public void A_claimed_reminder_is_updated_in_place()
    {
        var meeting = new MeetingOccurrence("V0101", "202611271400", Now.AddDays(7), Now.AddDays(7), "村委会", OccurrenceStatus.Scheduled);
        var record = Reminder(meeting, TimeSpan.FromDays(1), "C101");
        Reminders.TryClaim(record);
        record.Outcome = ReminderOutcome.Sent;
        record.ChannelId = "wechat";
        record.Late = true;
        Reminders.Update(record);

        var read = Reminders.Find(record.Id)!;
        Assert.Equal((ReminderOutcome.Sent, "wechat", true, TimeSpan.FromDays(1)), (read.Outcome, read.ChannelId, read.Late, read.Offset));
        Assert.Single(Reminders.All());
    }

    [Fact]
    public void The_watermark_is_absent_until_moved_and_then_reads_back()
    {
        Assert.Null(Reminders.Watermark);
        Reminders.MoveWatermark(Now);
        Reminders.MoveWatermark(Now.AddMinutes(1));
        Assert.Equal(Now.AddMinutes(1), Reminders.Watermark);
    }

    [Fact]
    public void Minutes_and_the_assignments_they_make_are_saved_together()
    {
        var entry = Registered("MS20261101-0001");
        UnitOfWork.Run(() =>
        {
            var stored = Ledger.Find(entry.Id)!;
            Ledger.Save(stored, stored.Assign("水务站", null, "S01", Now));
            Minutes.Save(MinutesOf("V0101", Now.AddDays(-1), entry.Id));
        });

        Assert.Equal(EntryStatus.Assigned, Ledger.Find(entry.Id)!.Status);
        Assert.Equal(entry.Id, Minutes.Find(MeetingId("V0101", Now.AddDays(-1)))!.Items.Single().EntryId);
    }

    [Fact]
    public void A_failure_in_the_assignments_leaves_no_minutes_and_undoes_the_assignments_made()
    {
        var first = Registered("MS20261101-0001");
        Registered("MS20261101-0002");

        Assert.Throws<InvalidOperationException>(() => UnitOfWork.Run(() =>
        {
            var stored = Ledger.Find(first.Id)!;
            Ledger.Save(stored, stored.Assign("水务站", null, "S01", Now));
            Minutes.Save(MinutesOf("V0101", Now.AddDays(-1), first.Id));
            throw new InvalidOperationException("the second assignment failed");
        }));

        Assert.Null(Minutes.Find(MeetingId("V0101", Now.AddDays(-1))));
        Assert.Empty(Minutes.AllHeld());
        var after = Ledger.Find(first.Id)!;
        Assert.Equal((EntryStatus.Registered, null), (after.Status, after.AssignedUnit));

        // The stores are usable after the rollback.
        Assert.False(Minutes.Save(MinutesOf("V0101", Now.AddDays(-1))));
    }

    protected static string MeetingId(string calendarId, DateTimeOffset start) => calendarId + "|" + start.ToString("yyyyMMddHHmm", System.Globalization.CultureInfo.InvariantCulture);

    private static MeetingMinutes MinutesOf(string calendarId, DateTimeOffset start, string? entryId = null, string recordedBy = "S01")
    {
        var minutes = new MeetingMinutes
        {
            Id = MeetingId(calendarId, start),
            CalendarId = calendarId,
            OccurrenceKey = start.ToString("yyyyMMddHHmm", System.Globalization.CultureInfo.InvariantCulture),
            Start = start,
            RecordedBy = recordedBy,
            RecordedAt = Now,
        };
        if (entryId is not null)
        {
            minutes.Items.Add(new MinutesItem { EntryId = entryId, Book = LedgerBook.LivelihoodRequests, Kind = "饮水", Summary = "自来水停了", Unit = "水务站", AssignedInLedger = true });
        }

        return minutes;
    }

    private static ReminderRecord Reminder(MeetingOccurrence meeting, TimeSpan offset, string personId) => new()
    {
        Id = ReminderRecord.IdOf(meeting, offset, personId),
        CalendarId = meeting.CalendarId,
        OccurrenceKey = meeting.Key,
        Start = meeting.Start,
        Offset = offset,
        DueAt = meeting.Start - offset,
        PersonId = personId,
        PersonName = "干部" + personId,
        Kind = AttendeeKind.Cadre,
        Outcome = ReminderOutcome.Sending,
        Attempts = 1,
        LastAttemptAt = Now,
    };

    private LedgerEntry Registered(string id)
    {
        var entry = new LedgerEntry(id, LedgerBook.LivelihoodRequests, "饮水", "自来水停了三天", new Reporter("test", "villager"), "V0101", "青岩村", Now.AddDays(-3), Now.AddDays(4));
        Ledger.Save(entry);
        return entry;
    }
}

/// <summary>The meetings' contract on a LiteDB file.</summary>
public sealed class LiteDbMeetingsStoreContractTests : MeetingsStoreContract, IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly ILiteDatabase _database;

    public LiteDbMeetingsStoreContractTests()
    {
        _database = Database.Open(new StorageOptions { Path = _folder.File("meetings.db") }, _folder.Path);
        var clock = new FakeTimeProvider(Now);
        Calendars = new LiteDbMeetingCalendars(_database);
        Minutes = new LiteDbMeetingMinutes(_database);
        Reminders = new LiteDbReminderLog(_database);
        Outbox = new LiteDbLedgerOutbox(_database, Options.Create(new ForwardingOptions()), clock);
        Signal = new OutboxSignal(clock);
        Ledger = new LiteDbLedgerStore(_database, Outbox, Signal);
        UnitOfWork = new LiteDbUnitOfWork(_database);
    }

    protected override IMeetingCalendars Calendars { get; }

    protected override IMeetingMinutes Minutes { get; }

    protected override IReminderLog Reminders { get; }

    protected override ILedgerStore Ledger { get; }

    protected override IUnitOfWork UnitOfWork { get; }

    private LiteDbLedgerOutbox Outbox { get; }

    private OutboxSignal Signal { get; }

    public void Dispose()
    {
        Signal.Dispose();
        _database.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public void A_rolled_back_assignment_leaves_no_event_in_the_outbox()
    {
        var entry = new LedgerEntry("MS20261101-0003", LedgerBook.LivelihoodRequests, "饮水", "自来水停了三天", new Reporter("test", "villager"), "V0101", "青岩村", Now, Now.AddDays(7));
        Ledger.Save(entry);
        var before = Outbox.Pending().Count;

        Assert.Throws<InvalidOperationException>(() => UnitOfWork.Run(() =>
        {
            var stored = Ledger.Find(entry.Id)!;
            Ledger.Save(stored, stored.Assign("水务站", null, "S01", Now));
            throw new InvalidOperationException("the minutes failed");
        }));

        Assert.Equal(before, Outbox.Pending().Count);
    }

    [Fact]
    public void A_calendar_document_keeps_its_shape_without_the_derived_zone()
    {
        Calendars.Save(new MeetingCalendar("V0101", MeetingScope.Village, "T01", "0 14 * * 5L", "Asia/Shanghai", "青岩村村委会会议室"));

        var document = _database.GetCollection(LiteDbMeetingCalendars.CollectionName).FindById("V0101");
        Assert.Equal(["Changes", "Place", "Rule", "Scope", "TimeZone", "TownshipId", "_id"], document.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Village", document["Scope"].AsString);
    }
}
