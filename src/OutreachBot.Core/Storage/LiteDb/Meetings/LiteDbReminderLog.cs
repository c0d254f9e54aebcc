using LiteDB;

namespace OutreachBot.Meetings;

/// <summary>
/// Sent reminders in LiteDB, and how far the scheduler has looked. A reminder is claimed by inserting its record
/// before it is sent: the insert fails for a reminder that exists, so no restart or second tick sends one twice.
/// </summary>
public sealed class ReminderLog
{
    public const string CollectionName = "meeting_reminders";
    private const string StateCollection = "meeting_scheduler";
    private const string WatermarkId = "reminders";

    private readonly ILiteCollection<ReminderRecord> _records;
    private readonly ILiteCollection<BsonDocument> _state;

    public ReminderLog(ILiteDatabase database)
    {
        _records = database.GetCollection<ReminderRecord>(CollectionName);
        _records.EnsureIndex(r => r.CalendarId);
        _records.EnsureIndex(r => r.Start);
        _state = database.GetCollection(StateCollection);
    }

    /// <summary>Inserts the record; false when a record with its id exists.</summary>
    public bool TryClaim(ReminderRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            _records.Insert(record);
            return true;
        }
        catch (LiteException e) when (e.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            return false;
        }
    }

    public ReminderRecord? Find(string id) => _records.FindById(id);

    public void Update(ReminderRecord record) => _records.Update(record);

    /// <summary>Every record of the meeting at this start (a moved meeting's records of its old time are not included).</summary>
    public IReadOnlyList<ReminderRecord> Of(MeetingOccurrence meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var start = meeting.Start;
        return [.. _records.Find(r => r.CalendarId == meeting.CalendarId && r.Start == start).Where(r => r.OccurrenceKey == meeting.Key)];
    }

    public IEnumerable<ReminderRecord> All() => _records.FindAll();

    /// <summary>The time up to which the scheduler has handled every reminder; null before its first tick.</summary>
    public DateTimeOffset? Watermark =>
        _state.FindById(WatermarkId) is { } doc ? new DateTimeOffset(doc["At"].AsDateTime.ToUniversalTime(), TimeSpan.Zero) : null;

    public void MoveWatermark(DateTimeOffset to) => _state.Upsert(new BsonDocument { ["_id"] = WatermarkId, ["At"] = to.UtcDateTime });
}
