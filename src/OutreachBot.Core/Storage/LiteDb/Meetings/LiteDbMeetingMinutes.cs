using LiteDB;

namespace OutreachBot.Meetings;

/// <summary>Meeting minutes in LiteDB. A meeting with minutes counts as held.</summary>
public sealed class MinutesStore
{
    public const string CollectionName = "meeting_minutes";

    private static readonly BsonExpression HeldProjection = BsonExpression.Create("{ c: $.CalendarId, s: $.Start }");

    private readonly ILiteCollection<MeetingMinutes> _minutes;

    public MinutesStore(ILiteDatabase database)
    {
        _minutes = database.GetCollection<MeetingMinutes>(CollectionName);
        _minutes.EnsureIndex(m => m.CalendarId);
        _minutes.EnsureIndex(m => m.Start);
    }

    public MeetingMinutes? Find(string meetingId) => _minutes.FindById(meetingId);

    /// <summary>Saves the minutes; true when they replaced earlier minutes of the same meeting.</summary>
    public bool Save(MeetingMinutes minutes) => !_minutes.Upsert(minutes);

    public IReadOnlyList<MeetingMinutes> Of(string calendarId) => [.. _minutes.Find(m => m.CalendarId == calendarId).OrderBy(m => m.Start)];

    /// <summary>
    /// Meetings held (with minutes) that took place in [from, to), for the dashboard; of the given calendars only
    /// (village or township ids) when they are named.
    /// </summary>
    public int CountHeld(DateTimeOffset from, DateTimeOffset to, IReadOnlyCollection<string>? calendarIds = null) =>
        _minutes.Find(m => m.Start >= from && m.Start < to).Count(m => calendarIds is null || calendarIds.Contains(m.CalendarId));

    /// <summary>
    /// Every meeting held (with minutes): its calendar and when it took place, and nothing of what was discussed; a
    /// projection, so the dashboard counts all calendars in one pass.
    /// </summary>
    public IEnumerable<MeetingHeld> AllHeld() =>
        _minutes.Query().Select(HeldProjection).ToEnumerable()
            .Select(d => new MeetingHeld(d["c"].AsString, new DateTimeOffset(d["s"].AsDateTime.ToUniversalTime())));
}

/// <summary>A meeting held, as <see cref="MinutesStore.AllHeld"/> reads it.</summary>
public sealed record MeetingHeld(string CalendarId, DateTimeOffset Start);
