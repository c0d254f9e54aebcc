using OutreachBot.Dialogs;

namespace OutreachBot.Meetings.Chat;

/// <summary>The villages (and townships) whose meetings the user sees: "青岩村（下次 12月25日（周五）14:00）".</summary>
public sealed class VisibleCalendars(MeetingService meetings, MeetingReplies replies) : IOptionSource
{
    public string Name => "meetings.visible";

    public IReadOnlyList<ChoiceOption> Options(DialogContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            var now = context.Clock.GetUtcNow();
            return [.. meetings.Calendars(context.User).Select(c => new ChoiceOption(c.Calendar.Id,
                c.Next is { } next ? replies.Texts.Format(MeetingTexts.OptionVillage, ("village", c.PlaceName), ("when", replies.When(next.Start, c.Calendar.Zone, now))) : c.PlaceName,
                [c.PlaceName]))];
        }
        catch (MeetingRefusedException)
        {
            return [];
        }
    }
}

/// <summary>The villages whose meetings the user (staff) may change.</summary>
public sealed class ChangeableCalendars(MeetingService meetings) : IOptionSource
{
    public string Name => "meetings.changeable";

    public IReadOnlyList<ChoiceOption> Options(DialogContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            return [.. meetings.Changeable(context.User).Select(c => ChoiceOption.Of(meetings.PlaceName(c)) with { Value = c.Id })];
        }
        catch (MeetingRefusedException)
        {
            return [];
        }
    }
}

/// <summary>The chosen village's coming meetings, cancelled ones too (to restore them).</summary>
public sealed class ComingMeetings(MeetingService meetings, IMeetingCalendars calendars, MeetingReplies replies) : IOptionSource
{
    public string Name => "meetings.coming";

    public IReadOnlyList<ChoiceOption> Options(DialogContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var calendarId = context.Slot(MeetingSlots.Calendar) ?? "";
        try
        {
            var zone = calendars.Find(calendarId)?.Zone ?? OutreachBot.Time.ChinaTime.Zone;
            var now = context.Clock.GetUtcNow();
            return [.. meetings.ComingMeetings(context.User, calendarId).Select(m => new ChoiceOption(m.Key, replies.MeetingOption(m, zone, now)))];
        }
        catch (MeetingRefusedException)
        {
            return [];
        }
    }
}

/// <summary>The villages the user may write minutes for.</summary>
public sealed class MinutesCalendars(MinutesService minutes, MeetingService meetings) : IOptionSource
{
    public string Name => "meetings.minutes-calendars";

    public IReadOnlyList<ChoiceOption> Options(DialogContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            return [.. minutes.Calendars(context.User).Select(c => ChoiceOption.Of(meetings.PlaceName(c)) with { Value = c.Id })];
        }
        catch (MeetingRefusedException)
        {
            return [];
        }
    }
}

/// <summary>The chosen village's meetings that have begun, latest first, marked when minutes exist.</summary>
public sealed class HeldMeetings(MinutesService minutes, IMeetingCalendars calendars, MeetingReplies replies) : IOptionSource
{
    public string Name => "meetings.held";

    public IReadOnlyList<ChoiceOption> Options(DialogContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var calendarId = context.Slot(MeetingSlots.Calendar) ?? "";
        try
        {
            var zone = calendars.Find(calendarId)?.Zone ?? OutreachBot.Time.ChinaTime.Zone;
            var now = context.Clock.GetUtcNow();
            return [.. minutes.HeldMeetings(context.User, calendarId).Select(m => new ChoiceOption(m.Key,
                replies.MeetingOption(m, zone, now) + (minutes.HasMinutes(m) ? replies.Texts[MeetingTexts.OptionRecorded] : "")))];
        }
        catch (MeetingRefusedException)
        {
            return [];
        }
    }
}
