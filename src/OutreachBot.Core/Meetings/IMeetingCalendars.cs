namespace OutreachBot.Meetings;

/// <summary>The meeting calendars, one per village or township, with their one-off changes inside.</summary>
public interface IMeetingCalendars
{
    MeetingCalendar? Find(string id);

    IReadOnlyList<MeetingCalendar> All();

    IReadOnlyList<MeetingCalendar> InTownship(string townshipId);

    /// <summary>Inserts or replaces the calendar, changes included.</summary>
    void Save(MeetingCalendar calendar);
}
