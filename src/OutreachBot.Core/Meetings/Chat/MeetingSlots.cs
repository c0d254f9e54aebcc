using OutreachBot.Dialogs;

namespace OutreachBot.Meetings.Chat;

/// <summary>The slot names the meeting dialog files and actions share.</summary>
public static class MeetingSlots
{
    /// <summary>A calendar id (village or township id).</summary>
    public const string Calendar = "calendar";

    /// <summary>A meeting's key within its calendar (yyyyMMddHHmm of its planned time).</summary>
    public const string Meeting = "meeting";

    public const string What = "what";
    public const string NewTime = "new_time";
    public const string NewPlace = "new_place";

    /// <summary>The open entries offered for the minutes, comma-separated in the order they were numbered.</summary>
    public const string Entries = "entries";
    public const string Picks = "picks";
    public const string Picked = "picked";
    public const string PickedCount = "picked_count";
    public const string How = "how";
    public const string Unit = "unit";
    public const string Current = "current";
    public const string CurrentId = "current_id";
    public const string UnitEach = "unit_each";

    /// <summary>Entry id → unit, as JSON, filled one entry at a time.</summary>
    public const string Assigned = "assigned";
    public const string Ok = "ok";

    public static IReadOnlyList<string> List(DialogContext context, string slot) =>
        context.Slot(slot)?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [];

    /// <summary>The slots with some removed: what a dialog restarted at an earlier question gets back.</summary>
    public static Dictionary<string, string> Without(DialogContext context, params string[] slots)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Slots.Where(s => !slots.Contains(s.Key)).ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
    }
}
