namespace OutreachBot.Meetings;

/// <summary>
/// Sent reminders, and how far the scheduler has looked. A reminder is claimed by adding its record before it is
/// sent: the claim fails for a reminder whose record exists (its id names meeting, start, offset and person), so no
/// restart or second tick sends one twice.
/// </summary>
public interface IReminderLog
{
    /// <summary>Adds the record; false when a record with its id exists (which is left as it was).</summary>
    bool TryClaim(ReminderRecord record);

    ReminderRecord? Find(string id);

    /// <summary>Replaces a claimed record (its outcome, attempts, channel).</summary>
    void Update(ReminderRecord record);

    /// <summary>Every record of the meeting at this start (a moved meeting's records of its old time are not included).</summary>
    IReadOnlyList<ReminderRecord> OfMeeting(MeetingOccurrence meeting);

    IEnumerable<ReminderRecord> All();

    /// <summary>The time up to which the scheduler has handled every reminder; null before its first tick.</summary>
    DateTimeOffset? Watermark { get; }

    void MoveWatermark(DateTimeOffset at);
}
