namespace OutreachBot.Meetings;

public enum ChangeKind
{
    Moved,
    Cancelled,
}

/// <summary>
/// A one-off change to one meeting of the rule, named by the time the rule gave it (<see cref="OccurrenceKey"/>):
/// moved to another time (and maybe place), or cancelled.
/// </summary>
public sealed class OccurrenceChange
{
    public OccurrenceChange(string occurrenceKey, ChangeKind kind, DateTimeOffset? newStart, string? newPlace, string by, DateTimeOffset at, string? reason = null)
    {
        if (kind == ChangeKind.Moved && newStart is null)
        {
            throw new MeetingRuleException("改期要有新的时间。");
        }

        OccurrenceKey = occurrenceKey;
        Kind = kind;
        NewStart = kind == ChangeKind.Moved ? newStart : null;
        NewPlace = string.IsNullOrWhiteSpace(newPlace) ? null : newPlace.Trim();
        By = by;
        At = at;
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
    }

    private OccurrenceChange()
    {
    }

    public string OccurrenceKey { get; private set; } = "";

    public ChangeKind Kind { get; private set; }

    public DateTimeOffset? NewStart { get; private set; }

    public string? NewPlace { get; private set; }

    /// <summary>Who changed it: a staff id, or "seeds".</summary>
    public string By { get; private set; } = "";

    public DateTimeOffset At { get; private set; }

    public string? Reason { get; private set; }
}

/// <summary>A change the calendar refuses (a bad rule, a meeting that does not exist, a time in the past).</summary>
public sealed class MeetingRuleException(string message) : Exception(message);
