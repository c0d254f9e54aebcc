namespace OutreachBot.Roster.Import;

/// <summary>The sheets of a roster, in the order they are read (a row may only refer to the tables above it).</summary>
public enum RosterTable
{
    Townships,
    Villages,
    Cadres,
    Staff,
    Households,
    Pairings,
}

/// <summary>
/// File, sheet and column names of each table. Columns have an English name (used in seeds/) and the Chinese
/// headings a county office is likely to type; either is accepted.
/// </summary>
public static class RosterTables
{
    public static IReadOnlyList<RosterTable> All { get; } = Enum.GetValues<RosterTable>();

    /// <summary>File name without extension, and the sheet name in a workbook: townships.csv, villages.xlsx…</summary>
    public static string FileName(this RosterTable table) => table.ToString().ToLowerInvariant();

    /// <summary>Other sheet names accepted in a single workbook.</summary>
    public static IReadOnlyList<string> SheetAliases(this RosterTable table) => table switch
    {
        RosterTable.Townships => ["乡镇"],
        RosterTable.Villages => ["村"],
        RosterTable.Cadres => ["干部"],
        RosterTable.Staff => ["工作人员"],
        RosterTable.Households => ["农户", "户"],
        RosterTable.Pairings => ["结对"],
        _ => [],
    };

    public static IReadOnlyList<Column> Columns(this RosterTable table) => table switch
    {
        RosterTable.Townships => [new("id", true, "编号", "乡镇编号"), new("name", true, "名称", "乡镇", "乡镇名称")],
        RosterTable.Villages => [new("id", true, "编号", "村编号"), new("name", true, "名称", "村名", "村"), new("township_id", true, "乡镇编号")],
        RosterTable.Cadres =>
        [
            new("id", true, "编号", "干部编号"), new("name", true, "姓名", "干部姓名"), new("unit", true, "单位", "工作单位"),
            new("role", true, "身份", "职务"), new("village_id", false, "驻村编号", "村编号"),
        ],
        RosterTable.Staff => [new("id", true, "编号"), new("name", true, "姓名"), new("office", true, "单位", "所在单位", "乡镇编号")],
        RosterTable.Households =>
        [
            new("id", true, "编号", "户编号"), new("village_id", true, "村编号"), new("group", false, "组", "组别", "寨"),
            new("head_name", true, "户主", "户主姓名"), new("members", true, "人口", "家庭人口"),
            new("tags", false, "标签", "类别"), new("phone", false, "电话", "联系电话", "手机"),
        ],
        RosterTable.Pairings => [new("cadre_id", true, "干部编号"), new("household_id", true, "户编号")],
        _ => [],
    };

    public sealed record Column(string Name, bool Required, params string[] Aliases)
    {
        public bool Matches(string heading)
        {
            var h = heading.Trim();
            return h.Equals(Name, StringComparison.OrdinalIgnoreCase) || Aliases.Contains(h);
        }
    }
}
