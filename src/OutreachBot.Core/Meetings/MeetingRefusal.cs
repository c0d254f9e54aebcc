namespace OutreachBot.Meetings;

/// <summary>Why the meeting services said no; <see cref="MeetingReplies.Explain"/> turns each into plain Chinese.</summary>
public enum MeetingRefusal
{
    /// <summary>A resident, or a binding whose person left the roster.</summary>
    NotCadreOrStaff,

    /// <summary>None of the user's villages has a meeting calendar.</summary>
    NoMeetings,

    /// <summary>The meeting belongs to a village the user does not look after (or only staff may change it).</summary>
    NotYours,

    /// <summary>Minutes are for staff and the village's first secretary.</summary>
    MinutesNotAllowed,

    UnknownMeeting,

    InPast,

    /// <summary>Restore asked for a meeting that was never changed.</summary>
    NotChanged,

    /// <summary>会议纪要 for a meeting that has not begun yet.</summary>
    NotHeldYet,
}

public sealed class MeetingRefusedException(MeetingRefusal reason) : InvalidOperationException($"Meeting service refused: {reason}")
{
    public MeetingRefusal Reason { get; } = reason;
}
