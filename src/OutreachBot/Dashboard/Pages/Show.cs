using System.Globalization;
using OutreachBot.Time;
using OutreachBot.Visits;

namespace OutreachBot.Dashboard.Pages;

/// <summary>Numbers as the pages print them: 12,759; 98.5%; 3.5 天; "—" where there is nothing to divide.</summary>
public static class Show
{
    public static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Percent(double? share) => share is { } s ? (s * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%" : "—";

    public static string Days(double? days) => days is { } d ? d.ToString("0.#", CultureInfo.InvariantCulture) + " 天" : "—";

    public static string Time(DateTimeOffset instant) => ChinaTime.Format(instant);

    public static string Month(CalendarMonth month) => $"{month.Month}月";

    public static string Span(IReadOnlyList<CalendarMonth> months) => $"{months[0].Year}年{months[0].Month}月—{months[^1].Year}年{months[^1].Month}月";

    public static string KindName(VisitKind kind) => VisitExport.KindName(kind);
}
