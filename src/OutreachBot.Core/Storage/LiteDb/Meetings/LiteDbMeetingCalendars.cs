using LiteDB;

namespace OutreachBot.Meetings;

/// <summary>The meeting calendars in LiteDB, one per village or township, with their one-off changes inside.</summary>
public sealed class MeetingCalendarStore
{
    public const string CollectionName = "meeting_calendars";

    private readonly ILiteCollection<MeetingCalendar> _calendars;

    public MeetingCalendarStore(ILiteDatabase database)
    {
        _calendars = database.GetCollection<MeetingCalendar>(CollectionName);
        _calendars.EnsureIndex(c => c.TownshipId);
    }

    public MeetingCalendar? Find(string id) => _calendars.FindById(id);

    public IReadOnlyList<MeetingCalendar> All() => [.. _calendars.FindAll()];

    public IReadOnlyList<MeetingCalendar> InTownship(string townshipId) => [.. _calendars.Find(c => c.TownshipId == townshipId)];

    public void Save(MeetingCalendar calendar) => _calendars.Upsert(calendar);
}
