using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using OutreachBot.Roster;
using OutreachBot.Time;

namespace OutreachBot.Ledger;

/// <summary>
/// 台账导出: one ledger as an .xlsx workbook with the columns county offices keep (编号 … 满意度), one row per entry,
/// oldest first. Used by the staff dashboard and the command line. No household tags and no phone numbers: the
/// file travels by e-mail and USB stick.
/// </summary>
public sealed class LedgerExport(IRosterStore roster)
{
    public static IReadOnlyList<string> Columns { get; } = ["编号", "登记日期", "村", "反映人/户", "问题", "交办单位", "办理情况", "状态", "销号日期", "满意度"];

    /// <summary>e.g. 民生诉求台账-20261127.xlsx (the date in Asia/Shanghai).</summary>
    public static string FileName(LedgerBook book, DateTimeOffset now) =>
        $"{book.ChineseName()}台账-{ChinaTime.DateOf(now):yyyyMMdd}.xlsx";

    /// <summary>Writes the entries of one ledger (entries of other ledgers are skipped); returns the rows written.</summary>
    public int Write(Stream output, LedgerBook book, IEnumerable<LedgerEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(entries);
        var heads = new Dictionary<string, string?>(StringComparer.Ordinal);
        var rows = entries
            .Where(e => e.Book == book)
            .OrderBy(e => e.RaisedAt)
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .Select(e => Row(e, heads))
            .ToList();
        output.SaveAs(rows, sheetName: book.ChineseName() + "台账", excelType: ExcelType.XLSX);
        return rows.Count;
    }

    /// <summary>What 办理情况 says: the resolution, or for 无法解决 the stated reason.</summary>
    public static string Handling(LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Status == EntryStatus.ClosedUnresolved)
        {
            return "无法解决：" + entry.History.LastOrDefault(t => t.To == EntryStatus.ClosedUnresolved)?.Note;
        }

        return entry.Resolution ?? "";
    }

    /// <summary>
    /// 反映人/户: the reporter's name, and the household it concerns when that is someone else's (a cadre raising a
    /// household's difficulty): 林文涛（张秀英户）.
    /// </summary>
    public string ReporterAndHousehold(LedgerEntry entry, IDictionary<string, string?>? cache = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var name = string.IsNullOrWhiteSpace(entry.Reporter.Name) ? null : entry.Reporter.Name.Trim();
        var head = entry.HouseholdId is null ? null : HeadName(entry.HouseholdId, cache);
        return (name, head) switch
        {
            (null, null) => "未留姓名",
            (_, null) => name!,
            (null, _) => head + "户",
            _ when name == head => name!,
            _ => $"{name}（{head}户）",
        };
    }

    private string? HeadName(string householdId, IDictionary<string, string?>? cache)
    {
        if (cache is not null && cache.TryGetValue(householdId, out var known))
        {
            return known;
        }

        var head = roster.FindHousehold(householdId)?.HeadName;
        cache?.Add(householdId, head);
        return head;
    }

    private LedgerRow Row(LedgerEntry e, IDictionary<string, string?> heads) => new()
    {
        Number = e.Id,
        RaisedOn = Date(e.RaisedAt),
        Village = e.VillageName,
        Reporter = ReporterAndHousehold(e, heads),
        Problem = e.Description,
        Unit = e.AssignedUnit ?? "",
        Handling = Handling(e),
        Status = e.Status.ChineseName(),
        ClosedOn = e.ClosedAt is { } closed ? Date(closed) : "",
        Satisfaction = e.Satisfaction?.ChineseName() ?? "",
    };

    private static string Date(DateTimeOffset instant) => ChinaTime.DateOf(instant).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>One row of the workbook; dates are text (yyyy-MM-dd) so every spreadsheet program shows them alike.</summary>
    internal sealed class LedgerRow
    {
        [ExcelColumnName("编号")]
        [ExcelColumnWidth(18)]
        public string Number { get; init; } = "";

        [ExcelColumnName("登记日期")]
        [ExcelColumnWidth(12)]
        public string RaisedOn { get; init; } = "";

        [ExcelColumnName("村")]
        [ExcelColumnWidth(12)]
        public string Village { get; init; } = "";

        [ExcelColumnName("反映人/户")]
        [ExcelColumnWidth(18)]
        public string Reporter { get; init; } = "";

        [ExcelColumnName("问题")]
        [ExcelColumnWidth(40)]
        public string Problem { get; init; } = "";

        [ExcelColumnName("交办单位")]
        [ExcelColumnWidth(18)]
        public string Unit { get; init; } = "";

        [ExcelColumnName("办理情况")]
        [ExcelColumnWidth(40)]
        public string Handling { get; init; } = "";

        [ExcelColumnName("状态")]
        [ExcelColumnWidth(14)]
        public string Status { get; init; } = "";

        [ExcelColumnName("销号日期")]
        [ExcelColumnWidth(12)]
        public string ClosedOn { get; init; } = "";

        [ExcelColumnName("满意度")]
        [ExcelColumnWidth(10)]
        public string Satisfaction { get; init; } = "";
    }
}
