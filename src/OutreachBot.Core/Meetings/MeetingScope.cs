namespace OutreachBot.Meetings;

/// <summary>Whose meeting a calendar holds: one village's, or a township's for all its villages.</summary>
public enum MeetingScope
{
    Village,
    Township,
}
