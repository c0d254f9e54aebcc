using LiteDB;
using OutreachBot.Meetings;

namespace OutreachBot.Storage.LiteDb.Meetings;

/// <summary>Meeting minutes in the "meeting_minutes" collection.</summary>
public sealed class LiteDbMeetingMinutes : IMeetingMinutes
{
    public const string CollectionName = "meeting_minutes";

    private static readonly BsonExpression HeldProjection = BsonExpression.Create("{ c: $.CalendarId, s: $.Start }");

    private readonly ILiteCollection<MeetingMinutes> _minutes;

    public LiteDbMeetingMinutes(ILiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        MeetingsMapping.Apply(database.Mapper);
        _minutes = database.GetCollection<MeetingMinutes>(CollectionName);
        _minutes.EnsureIndex(m => m.CalendarId);
        _minutes.EnsureIndex(m => m.Start);
    }

    public MeetingMinutes? Find(string meetingId) => _minutes.FindById(meetingId);

    public bool Save(MeetingMinutes minutes) => !_minutes.Upsert(minutes);

    public IReadOnlyList<MeetingMinutes> OfCalendar(string calendarId) => [.. _minutes.Find(m => m.CalendarId == calendarId).OrderBy(m => m.Start)];

    public int CountHeld(DateTimeOffset since, DateTimeOffset until, IReadOnlyCollection<string>? calendarIds = null) =>
        _minutes.Find(m => m.Start >= since && m.Start < until).Count(m => calendarIds is null || calendarIds.Contains(m.CalendarId));

    // A projection: the items are never deserialised.
    public IEnumerable<MeetingHeld> AllHeld() =>
        _minutes.Query().Select(HeldProjection).ToEnumerable()
            .Select(d => new MeetingHeld(d["c"].AsString, new DateTimeOffset(d["s"].AsDateTime.ToUniversalTime())));
}
