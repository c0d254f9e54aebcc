using System.Globalization;
using System.Text;
using Humanizer;
using OutreachBot.Texts;
using OutreachBot.Time;

namespace OutreachBot.Ledger;

/// <summary>How entries read in chat: "MS20261127-0001 饮水：5 天前登记，办理中".</summary>
public sealed class LedgerReplies(TextCatalog texts, TimeProvider clock)
{
    public const int MaxLines = 10;

    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-Hans");

    public string Ago(DateTimeOffset at)
    {
        var now = clock.GetUtcNow();

        // Humanizer says "现在" for the last minute, which reads oddly before "登记".
        return now - at < TimeSpan.FromMinutes(1) ? "刚刚" : at.Humanize(now, Chinese);
    }

    public string Line(LedgerEntry entry)
    {
        var line = texts.Format(LedgerTexts.MyEntriesLine, ("id", entry.Id), ("kind", entry.Kind), ("ago", Ago(entry.RaisedAt)), ("status", entry.Status.ChineseName()));
        return entry.IsOverdue(clock.GetUtcNow()) ? line + texts[LedgerTexts.Overdue] : line;
    }

    public string MyEntries(IReadOnlyList<LedgerEntry> entries)
    {
        if (entries.Count == 0)
        {
            return texts[LedgerTexts.MyEntriesNone];
        }

        var text = new StringBuilder(texts.Format(LedgerTexts.MyEntriesHeader, ("count", entries.Count)));
        foreach (var entry in entries.Take(MaxLines))
        {
            text.Append("\n- ").Append(Line(entry));
        }

        if (entries.Count > MaxLines)
        {
            text.Append('\n').Append(texts.Format(LedgerTexts.MyEntriesMore, ("count", entries.Count - MaxLines)));
        }

        return text.ToString();
    }

    public string Detail(LedgerEntry entry)
    {
        var text = new StringBuilder(texts.Format(
            LedgerTexts.EntryDetail,
            ("id", entry.Id),
            ("ledger", entry.Book.ChineseName()),
            ("kind", entry.Kind),
            ("village", entry.VillageName),
            ("description", Shorten(entry.Description, 120)),
            ("ago", Ago(entry.RaisedAt)),
            ("status", entry.Status.ChineseName()),
            ("unit", entry.AssignedUnit ?? "—"),
            ("due", ChinaTime.ToLocal(entry.DueAt).ToString("M月d日", CultureInfo.InvariantCulture))));
        if (entry.Resolution is { } resolution)
        {
            text.Append('\n').Append(texts.Format(LedgerTexts.EntryResolution, ("resolution", resolution)));
        }

        return text.ToString();
    }

    /// <summary>An open entry as a close-out choice: number, kind, village, age, overdue mark.</summary>
    public string Option(LedgerEntry entry)
    {
        var line = texts.Format(LedgerTexts.OpenEntry, ("id", entry.Id), ("kind", entry.Kind), ("village", entry.VillageName), ("description", Shorten(entry.Description, 20)), ("ago", Ago(entry.RaisedAt)));
        return entry.IsOverdue(clock.GetUtcNow()) ? line + texts[LedgerTexts.Overdue] : line;
    }

    public static string Shorten(string text, int length) =>
        text.Length <= length ? text : text[..length] + "…";
}
