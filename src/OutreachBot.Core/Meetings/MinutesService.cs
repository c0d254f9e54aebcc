using Microsoft.Extensions.Logging;
using OutreachBot.Conversations;
using OutreachBot.Identity;
using OutreachBot.Ledger;
using OutreachBot.Storage;

namespace OutreachBot.Meetings;

/// <summary>One discussed entry and the unit it goes to, as the user chose them.</summary>
public sealed record MinutesChoice(string EntryId, string Unit);

/// <summary>The minutes saved: how many entries the ledger now shows as assigned, which were only noted, and whether earlier minutes were replaced.</summary>
public sealed record MinutesSaved(MeetingMinutes Minutes, int Assigned, IReadOnlyList<string> NotedOnly, bool Replaced);

/// <summary>
/// 会议纪要: after a meeting, staff or the village's first secretary record which open entries were discussed and to
/// whom each was given. Saving also assigns each entry to its unit in the ledger (交办, through the entry's own
/// transition and ILedgerStore.Save, so the outbox hears of it) unless the entry is resolved and waiting for the
/// reporter's answer, which a meeting does not reopen: that one is only noted in the minutes. The minutes and their
/// assignments are saved in one unit of work: a failure in either leaves neither.
/// </summary>
public sealed class MinutesService(
    MeetingAccess access,
    AgendaBuilder agendas,
    IMeetingMinutes minutes,
    ILedgerStore ledger,
    IUnitOfWork unitOfWork,
    TimeProvider clock,
    ILogger<MinutesService> logger)
{
    /// <summary>How far back 会议纪要 offers meetings.</summary>
    public static readonly TimeSpan LookBack = TimeSpan.FromDays(62);

    public const int MeetingChoices = 3;

    public IReadOnlyList<MeetingCalendar> Calendars(UserIdentity who)
    {
        var allowed = access.ForMinutes(who);
        return allowed.Count > 0 ? allowed : throw new MeetingRefusedException(MeetingRefusal.MinutesNotAllowed);
    }

    /// <summary>The calendar's meetings that have begun, latest first.</summary>
    public IReadOnlyList<MeetingOccurrence> HeldMeetings(UserIdentity who, string calendarId)
    {
        var calendar = CalendarOf(who, calendarId);
        var now = clock.GetUtcNow();
        return [.. calendar.Between(now - LookBack, now + TimeSpan.FromTicks(1)).Reverse().Take(MeetingChoices)];
    }

    public bool HasMinutes(MeetingOccurrence meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return minutes.Find(meeting.Id) is not null;
    }

    /// <summary>The meeting's open entries as they stand now, in agenda order (the numbers the user picks from).</summary>
    public Agenda OpenEntries(UserIdentity who, string calendarId, string key)
    {
        var (calendar, meeting) = HeldMeeting(who, calendarId, key);
        return agendas.For(calendar, meeting, clock.GetUtcNow());
    }

    public MinutesSaved Save(UserIdentity who, string calendarId, string key, IReadOnlyList<MinutesChoice> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var (_, meeting) = HeldMeeting(who, calendarId, key);
        var by = access.PersonOf(who);
        var now = clock.GetUtcNow();
        var record = new MeetingMinutes
        {
            Id = meeting.Id,
            CalendarId = meeting.CalendarId,
            OccurrenceKey = meeting.Key,
            Start = meeting.Start,
            RecordedBy = by,
            RecordedAt = now,
        };
        var notedOnly = new List<string>();
        var replaced = unitOfWork.Run(() =>
        {
            foreach (var choice in choices)
            {
                var unit = choice.Unit.Trim();
                var entry = ledger.Find(choice.EntryId);
                if (entry is null || string.IsNullOrEmpty(unit))
                {
                    continue;
                }

                var assigned = Assign(entry, unit, by, now);
                if (!assigned)
                {
                    notedOnly.Add(entry.Id);
                }

                record.Items.Add(new MinutesItem
                {
                    EntryId = entry.Id,
                    Book = entry.Book,
                    Kind = entry.Kind,
                    Summary = MeetingReplies.Cut(entry.Description, 40),
                    Unit = unit,
                    AssignedInLedger = assigned,
                });
            }

            return minutes.Save(record);
        });
        logger.LogInformation("Minutes of meeting {Meeting} recorded by {Person}: {Items} entries", meeting.Id, Redact.Id(by), record.Items.Count);
        return new MinutesSaved(record, record.Items.Count(i => i.AssignedInLedger), notedOnly, replaced);
    }

    /// <summary>Meetings held (with minutes) in [from, to), optionally of some calendars only: for the dashboard.</summary>
    public int MeetingsHeld(DateTimeOffset from, DateTimeOffset to, IReadOnlyCollection<string>? calendarIds = null) => minutes.CountHeld(from, to, calendarIds);

    private bool Assign(LedgerEntry entry, string unit, string by, DateTimeOffset now)
    {
        if (entry.Status is not (EntryStatus.Registered or EntryStatus.Assigned or EntryStatus.InProgress))
        {
            return false;
        }

        if (entry.AssignedUnit == unit)
        {
            // Already with that unit (perhaps at work on it): the meeting confirmed it, nothing moves back.
            return true;
        }

        var transition = entry.Assign(unit, null, by, now);
        ledger.Save(entry, transition);
        return true;
    }

    private MeetingCalendar CalendarOf(UserIdentity who, string calendarId) =>
        Calendars(who).FirstOrDefault(c => c.Id == calendarId) ?? throw new MeetingRefusedException(MeetingRefusal.NotYours);

    private (MeetingCalendar Calendar, MeetingOccurrence Meeting) HeldMeeting(UserIdentity who, string calendarId, string key)
    {
        var calendar = CalendarOf(who, calendarId);
        var meeting = calendar.Find(key);
        if (meeting is null || meeting.IsCancelled)
        {
            throw new MeetingRefusedException(MeetingRefusal.UnknownMeeting);
        }

        return meeting.Start <= clock.GetUtcNow() ? (calendar, meeting) : throw new MeetingRefusedException(MeetingRefusal.NotHeldYet);
    }
}
