namespace OutreachBot.Visits;

/// <summary>Why the visit service said no; <see cref="VisitReplies.Explain"/> turns each into plain Chinese.</summary>
public enum VisitRefusal
{
    /// <summary>The user is a resident, a staff member, or a cadre no longer on the roster.</summary>
    NotACadre,

    UnknownHousehold,

    /// <summary>Not paired with the household, and neither its village's first secretary nor a county leader.</summary>
    NotPaired,

    InFuture,

    NoteTooLong,
}

/// <summary>Thrown by the visit queries when the user may not see household data at all (see <see cref="VisitService.Check"/>).</summary>
public sealed class VisitRefusedException(VisitRefusal reason)
    : InvalidOperationException($"Visit service refused: {reason}")
{
    public VisitRefusal Reason { get; } = reason;
}
