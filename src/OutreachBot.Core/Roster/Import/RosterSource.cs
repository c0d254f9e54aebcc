namespace OutreachBot.Roster.Import;

/// <summary>
/// Where each table of an import comes from: a folder of townships.csv, villages.xlsx…; a workbook with one sheet
/// per table (sheets named like the files, or 乡镇, 村, 干部, 工作人员, 农户, 结对); or one file per table.
/// Tables that are absent are left as they are in the database.
/// </summary>
public sealed class RosterSource
{
    private static readonly string[] Extensions = [".csv", ".xlsx"];
    private readonly Dictionary<RosterTable, Entry> _entries = [];

    public IReadOnlyDictionary<RosterTable, Entry> Entries => _entries;

    public bool IsEmpty => _entries.Count == 0;

    public RosterSource With(RosterTable table, string path, string? sheet = null)
    {
        _entries[table] = new Entry(Path.GetFullPath(path), sheet);
        return this;
    }

    /// <summary>A folder (its townships.csv, villages.xlsx…) or a workbook with one sheet per table.</summary>
    public static RosterSource From(string path)
    {
        if (Directory.Exists(path))
        {
            return FromFolder(path);
        }

        if (File.Exists(path) && Path.GetExtension(path).Equals(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return FromWorkbook(path);
        }

        throw new FileNotFoundException($"“{path}”既不是文件夹，也不是 .xlsx 工作簿。", path);
    }

    public static RosterSource FromFolder(string folder)
    {
        var source = new RosterSource();
        foreach (var table in RosterTables.All)
        {
            var found = Extensions.Select(ext => Path.Combine(folder, table.FileName() + ext)).Where(File.Exists).ToList();
            if (found.Count > 1)
            {
                throw new InvalidDataException($"{folder} 里同时有 {table.FileName()}.csv 和 {table.FileName()}.xlsx，请只留一个。");
            }

            if (found.Count == 1)
            {
                source.With(table, found[0]);
            }
        }

        return source;
    }

    public static RosterSource FromWorkbook(string path)
    {
        var source = new RosterSource();
        var sheets = MiniExcelLibs.MiniExcel.GetSheetNames(path);
        foreach (var table in RosterTables.All)
        {
            var sheet = sheets.FirstOrDefault(s => s.Trim().Equals(table.FileName(), StringComparison.OrdinalIgnoreCase) || table.SheetAliases().Contains(s.Trim()));
            if (sheet is not null)
            {
                source.With(table, path, sheet);
            }
        }

        return source;
    }

    public sealed record Entry(string Path, string? Sheet);
}
