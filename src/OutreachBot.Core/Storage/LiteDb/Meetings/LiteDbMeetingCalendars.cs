using LiteDB;
using OutreachBot.Meetings;

namespace OutreachBot.Storage.LiteDb.Meetings;

/// <summary>The meeting calendars in the "meeting_calendars" collection, one document per village or township.</summary>
public sealed class LiteDbMeetingCalendars : IMeetingCalendars
{
    public const string CollectionName = "meeting_calendars";

    private readonly ILiteCollection<MeetingCalendar> _calendars;

    public LiteDbMeetingCalendars(ILiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        MeetingsMapping.Apply(database.Mapper);
        _calendars = database.GetCollection<MeetingCalendar>(CollectionName);
        _calendars.EnsureIndex(c => c.TownshipId);
    }

    public MeetingCalendar? Find(string id) => _calendars.FindById(id);

    public IReadOnlyList<MeetingCalendar> All() => [.. _calendars.FindAll()];

    public IReadOnlyList<MeetingCalendar> InTownship(string townshipId) => [.. _calendars.Find(c => c.TownshipId == townshipId)];

    public void Save(MeetingCalendar calendar) => _calendars.Upsert(calendar);
}
