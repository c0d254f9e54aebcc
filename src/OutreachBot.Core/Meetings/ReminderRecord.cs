using System.Globalization;

namespace OutreachBot.Meetings;

public enum ReminderOutcome
{
    /// <summary>Claimed and being sent. Left so by a crash mid-send: never sent again, so never sent twice.</summary>
    Sending,

    Sent,

    /// <summary>The person has no chat account bound (never sent a bind code).</summary>
    NotBound,

    /// <summary>Bound, but there is no conversation to write into yet (NoticeResult.NoConversation).</summary>
    NoConversation,

    /// <summary>The channel refused; tried again on later ticks up to MaxAttempts while the meeting is ahead.</summary>
    Failed,

    /// <summary>The reminder's time passed while the host was down and the meeting has begun: not sent.</summary>
    Dropped,
}

/// <summary>
/// One reminder of one meeting to one person: the proof that it went (or why not). Its id names the meeting, the
/// meeting's actual start (a moved meeting has new reminders), the offset and the person, so it exists at most once.
/// </summary>
public sealed class ReminderRecord
{
    /// <summary>The person id of the one record per reminder that was dropped for everyone.</summary>
    public const string Everyone = "*";

    public string Id { get; set; } = "";

    public string CalendarId { get; set; } = "";

    public string OccurrenceKey { get; set; } = "";

    public DateTimeOffset Start { get; set; }

    public TimeSpan Offset { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public string PersonId { get; set; } = "";

    public string PersonName { get; set; } = "";

    public AttendeeKind Kind { get; set; }

    public string? ChannelId { get; set; }

    public string? UserId { get; set; }

    public ReminderOutcome Outcome { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset LastAttemptAt { get; set; }

    public bool Late { get; set; }

    public bool Unreachable => Outcome is ReminderOutcome.NotBound or ReminderOutcome.NoConversation;

    public static string IdOf(MeetingOccurrence meeting, TimeSpan offset, string personId) =>
        string.Join('|', meeting.Id, meeting.Start.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture), offset.ToString("c", CultureInfo.InvariantCulture), personId);
}
