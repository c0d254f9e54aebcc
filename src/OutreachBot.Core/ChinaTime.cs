namespace OutreachBot;

/// <summary>The county's clock: every "today", "this month" and typed date is read in Asia/Shanghai.</summary>
public static class ChinaTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateTimeOffset Now(TimeProvider clock) => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone);

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>A wall-clock time in Shanghai (as typed by a user) as an instant.</summary>
    public static DateTimeOffset FromLocal(DateTime wallClock) =>
        new(DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified), Zone.GetUtcOffset(DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified)));
}
