namespace OutreachBot.Time;

/// <summary>
/// The county's clock: dates a villager or cadre means ("today", "this month") are dates in Asia/Shanghai,
/// whatever the server's own time zone is.
/// </summary>
public static class ChinaTime
{
    public const string ZoneId = "Asia/Shanghai";

    /// <summary>
    /// Asia/Shanghai from the system's time zone data; where a container has none, a fixed UTC+8 zone, which is
    /// exact for every date since 1991 (China has kept no daylight saving time since).
    /// </summary>
    public static TimeZoneInfo Zone { get; } = FindZone();

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public static DateTimeOffset Now(TimeProvider clock) => ToLocal(clock.GetUtcNow());

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    /// <summary>Shanghai wall-clock time written the way people here read it: 2026-11-28 18:05.</summary>
    public static string Format(DateTimeOffset instant) => ToLocal(instant).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(ZoneId);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.CreateCustomTimeZone(ZoneId, TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
        }
    }
}

/// <summary>A calendar month in Asia/Shanghai, and the instants it runs between.</summary>
public readonly record struct CalendarMonth(int Year, int Month)
{
    public static CalendarMonth Of(DateTimeOffset instant)
    {
        var local = ChinaTime.ToLocal(instant);
        return new CalendarMonth(local.Year, local.Month);
    }

    /// <summary>Midnight of the 1st in Shanghai, as an instant.</summary>
    public DateTimeOffset Start => StartOf(Year, Month);

    public DateTimeOffset End => Month == 12 ? StartOf(Year + 1, 1) : StartOf(Year, Month + 1);

    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;

    private static DateTimeOffset StartOf(int year, int month)
    {
        var wallClock = new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(wallClock, ChinaTime.Zone.GetUtcOffset(wallClock));
    }
}
