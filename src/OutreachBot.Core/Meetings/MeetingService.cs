using Microsoft.Extensions.Logging;
using OutreachBot.Conversations;
using OutreachBot.Identity;

namespace OutreachBot.Meetings;

/// <summary>A meeting with its calendar and the name of its village or township.</summary>
public sealed record UpcomingMeeting(MeetingCalendar Calendar, string PlaceName, MeetingOccurrence Meeting);

/// <summary>
/// 下次会议, 会议议程 and 改会议时间 for a chat user, with the role checks of <see cref="MeetingAccess"/>. A refusal
/// is a <see cref="MeetingRefusedException"/>, which the dialog actions turn into a plain answer.
/// </summary>
public sealed class MeetingService(
    IMeetingCalendars calendars,
    MeetingAccess access,
    AgendaBuilder agendas,
    TimeProvider clock,
    ILogger<MeetingService> logger)
{
    /// <summary>A meeting this long past its start is still "the" meeting: 会议议程 during the meeting shows it.</summary>
    public static readonly TimeSpan Running = TimeSpan.FromHours(3);

    /// <summary>How many coming meetings 改会议时间 offers.</summary>
    public const int ChangeChoices = 4;

    /// <summary>
    /// The next meeting of every calendar the user sees, soonest first: not yet begun, or, with
    /// <paramref name="includeRunning"/>, begun less than <see cref="Running"/> ago.
    /// </summary>
    public IReadOnlyList<UpcomingMeeting> Upcoming(UserIdentity who, bool includeRunning = false)
    {
        var now = clock.GetUtcNow();
        var from = includeRunning ? now - Running : now;
        var visible = access.Visible(who);
        if (visible.Count == 0)
        {
            throw new MeetingRefusedException(MeetingRefusal.NoMeetings);
        }

        return [.. visible
            .Select(c => c.Next(from) is { } next ? new UpcomingMeeting(c, agendas.PlaceName(c), next) : null)
            .OfType<UpcomingMeeting>()
            .OrderBy(m => m.Meeting.Start)
            .ThenBy(m => m.Calendar.Id, StringComparer.Ordinal)];
    }

    /// <summary>The agenda of a calendar's current or next meeting.</summary>
    public (UpcomingMeeting Meeting, Agenda Agenda) AgendaOf(UserIdentity who, string calendarId)
    {
        var calendar = access.VisibleOne(who, calendarId);
        var now = clock.GetUtcNow();
        var next = calendar.Next(now - Running) ?? throw new MeetingRefusedException(MeetingRefusal.NoMeetings);
        return (new UpcomingMeeting(calendar, agendas.PlaceName(calendar), next), agendas.For(calendar, next, now));
    }

    public string PlaceName(MeetingCalendar calendar) => agendas.PlaceName(calendar);

    /// <summary>The agenda of a meeting as it stands now.</summary>
    public Agenda AgendaOf(UpcomingMeeting meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return agendas.For(meeting.Calendar, meeting.Meeting, clock.GetUtcNow());
    }

    /// <summary>The calendars the user sees, with the next meeting of each (null when none is planned).</summary>
    public IReadOnlyList<(MeetingCalendar Calendar, string PlaceName, MeetingOccurrence? Next)> Calendars(UserIdentity who)
    {
        var now = clock.GetUtcNow();
        return [.. access.Visible(who).Select(c => (c, agendas.PlaceName(c), c.Next(now - Running)))];
    }

    /// <summary>The calendars the user may change (staff only).</summary>
    public IReadOnlyList<MeetingCalendar> Changeable(UserIdentity who) => access.Changeable(who);

    /// <summary>The coming meetings of a calendar, cancelled ones included (so they can be restored).</summary>
    public IReadOnlyList<MeetingOccurrence> ComingMeetings(UserIdentity who, string calendarId)
    {
        var calendar = ChangeableOne(who, calendarId);
        var now = clock.GetUtcNow();
        return [.. calendar.Between(now, now + TimeSpan.FromDays(400), includeCancelled: true).Take(ChangeChoices)];
    }

    public MeetingChange Move(UserIdentity who, string calendarId, string key, DateTimeOffset newStart, string? newPlace)
    {
        var now = clock.GetUtcNow();
        if (newStart <= now)
        {
            throw new MeetingRefusedException(MeetingRefusal.InPast);
        }

        return Change(who, calendarId, key, (calendar, by) => calendar.Move(key, newStart, newPlace, by, now));
    }

    public MeetingChange Cancel(UserIdentity who, string calendarId, string key) =>
        Change(who, calendarId, key, (calendar, by) => calendar.Cancel(key, by, clock.GetUtcNow()));

    public MeetingChange Restore(UserIdentity who, string calendarId, string key) =>
        Change(who, calendarId, key, (calendar, _) => calendar.Restore(key) ? calendar.Find(key)! : throw new MeetingRefusedException(MeetingRefusal.NotChanged));

    private MeetingChange Change(UserIdentity who, string calendarId, string key, Func<MeetingCalendar, string, MeetingOccurrence> change)
    {
        var calendar = ChangeableOne(who, calendarId);
        var before = calendar.Find(key) ?? throw new MeetingRefusedException(MeetingRefusal.UnknownMeeting);
        var by = access.PersonOf(who);
        var after = change(calendar, by);
        calendars.Save(calendar);
        logger.LogInformation("Meeting {Meeting} changed by {Person}: {Before} -> {After} {Status}", before.Id, Redact.Id(by), before.Start, after.Start, after.Status);
        return new MeetingChange(calendar, agendas.PlaceName(calendar), before, after);
    }

    private MeetingCalendar ChangeableOne(UserIdentity who, string calendarId) =>
        access.Changeable(who).FirstOrDefault(c => c.Id == calendarId) ?? throw new MeetingRefusedException(MeetingRefusal.NotYours);
}

/// <summary>A meeting as it was and as it is now.</summary>
public sealed record MeetingChange(MeetingCalendar Calendar, string PlaceName, MeetingOccurrence Before, MeetingOccurrence After);
