namespace OutreachBot.Meetings;

/// <summary>Meeting minutes, one per meeting (their id is the meeting's). A meeting with minutes counts as held.</summary>
public interface IMeetingMinutes
{
    MeetingMinutes? Find(string meetingId);

    /// <summary>Saves the minutes; true when they replaced earlier minutes of the same meeting.</summary>
    bool Save(MeetingMinutes minutes);

    /// <summary>The minutes of one calendar's meetings, earliest first.</summary>
    IReadOnlyList<MeetingMinutes> OfCalendar(string calendarId);

    /// <summary>
    /// Meetings held (with minutes) that took place in [since, until), for the dashboard; of the given calendars only
    /// (village or township ids) when they are named.
    /// </summary>
    int CountHeld(DateTimeOffset since, DateTimeOffset until, IReadOnlyCollection<string>? calendarIds = null);

    /// <summary>
    /// Every meeting held (with minutes): its calendar and when it took place, and nothing of what was discussed, so
    /// the dashboard counts all calendars in one pass without reading the items.
    /// </summary>
    IEnumerable<MeetingHeld> AllHeld();
}

/// <summary>A meeting held, as <see cref="IMeetingMinutes.AllHeld"/> reads it.</summary>
public sealed record MeetingHeld(string CalendarId, DateTimeOffset Start);
