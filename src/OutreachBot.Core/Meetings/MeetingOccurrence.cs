namespace OutreachBot.Meetings;

public enum OccurrenceStatus
{
    Scheduled,
    Moved,
    Cancelled,
}

/// <summary>
/// One meeting of a calendar. <see cref="Key"/> is the local time the rule gave it (yyyyMMddHHmm) and stays its name
/// when it is moved; <see cref="Start"/> is when it really takes place.
/// </summary>
public sealed record MeetingOccurrence(string CalendarId, string Key, DateTimeOffset ScheduledStart, DateTimeOffset Start, string Place, OccurrenceStatus Status)
{
    /// <summary>Unique across calendars: calendar id and key.</summary>
    public string Id => CalendarId + "|" + Key;

    public bool IsCancelled => Status == OccurrenceStatus.Cancelled;

    public bool IsMoved => Status == OccurrenceStatus.Moved;
}
