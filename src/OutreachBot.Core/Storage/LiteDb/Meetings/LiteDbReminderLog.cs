using LiteDB;
using OutreachBot.Meetings;

namespace OutreachBot.Storage.LiteDb.Meetings;

/// <summary>
/// Reminder records in "meeting_reminders" (the insert of an existing id fails, which is the claim), and the
/// scheduler's watermark as one document in "meeting_scheduler".
/// </summary>
public sealed class LiteDbReminderLog : IReminderLog
{
    public const string CollectionName = "meeting_reminders";
    public const string StateCollection = "meeting_scheduler";
    private const string WatermarkId = "reminders";

    private readonly ILiteCollection<ReminderRecord> _records;
    private readonly ILiteCollection<BsonDocument> _state;

    public LiteDbReminderLog(ILiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        MeetingsMapping.Apply(database.Mapper);
        _records = database.GetCollection<ReminderRecord>(CollectionName);
        _records.EnsureIndex(r => r.CalendarId);
        _records.EnsureIndex(r => r.Start);
        _state = database.GetCollection(StateCollection);
    }

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

    public IReadOnlyList<ReminderRecord> OfMeeting(MeetingOccurrence meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var start = meeting.Start;
        return [.. _records.Find(r => r.CalendarId == meeting.CalendarId && r.Start == start).Where(r => r.OccurrenceKey == meeting.Key)];
    }

    public IEnumerable<ReminderRecord> All() => _records.FindAll();

    public DateTimeOffset? Watermark =>
        _state.FindById(WatermarkId) is { } doc ? new DateTimeOffset(doc["At"].AsDateTime.ToUniversalTime(), TimeSpan.Zero) : null;

    public void MoveWatermark(DateTimeOffset at) => _state.Upsert(new BsonDocument { ["_id"] = WatermarkId, ["At"] = at.UtcDateTime });
}
