namespace OutreachBot.Meetings;

/// <summary>The <c>Meetings</c> section of appsettings.json.</summary>
public sealed class MeetingsOptions
{
    public const string Section = "Meetings";

    public static readonly IReadOnlyList<TimeSpan> DefaultOffsets = [TimeSpan.FromDays(3), TimeSpan.FromHours(2)];

    /// <summary>
    /// How long before a meeting its reminders go out. Empty means <see cref="DefaultOffsets"/> (3 days and 2 hours);
    /// the configuration binder adds to a list rather than replacing it, so the defaults are not put in the list.
    /// </summary>
    public List<TimeSpan> ReminderOffsets { get; set; } = [];

    /// <summary>An open entry older than this many days counts as overdue even before its own time limit.</summary>
    public int OverdueDays { get; set; } = 30;

    /// <summary>The template a channel with a messaging window (WeChat) uses; its id is under WeChat:Templates.</summary>
    public string Template { get; set; } = "meeting_reminder";

    /// <summary>Agenda lines in a reminder and in 下次会议 before "……还有 N 条".</summary>
    public int ReminderLines { get; set; } = 6;

    /// <summary>A reminder sent more than this after its time is logged as late.</summary>
    public TimeSpan LateAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A send the channel refused is tried again on later ticks, this many times in all, while the meeting is ahead.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The offsets to use, longest first: the configured positive ones, or the defaults when there are none.</summary>
    public IReadOnlyList<TimeSpan> Offsets
    {
        get
        {
            var configured = ReminderOffsets.Where(o => o > TimeSpan.Zero).Distinct().OrderDescending().ToList();
            return configured.Count > 0 ? configured : DefaultOffsets;
        }
    }
}
