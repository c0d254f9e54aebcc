using System.Text;
using MiniExcelLibs;
using Sylvan.Data.Csv;

namespace OutreachBot.Roster.Import;

/// <summary>One data row of a sheet, with its row number as a spreadsheet program shows it.</summary>
public sealed class SheetRow(int number, IReadOnlyDictionary<string, string> cells)
{
    public int Number { get; } = number;

    public string? this[string column] => cells.TryGetValue(column, out var value) && value.Length > 0 ? value : null;

    public bool IsEmpty => cells.Values.All(v => v.Length == 0);
}

/// <summary>
/// Reads a roster table from .csv or .xlsx into rows keyed by canonical column name.
/// .xlsx goes through MiniExcel. CSV goes through Sylvan.Data.Csv, because MiniExcel's CSV reader drops blank lines
/// and stops at the first short row, so its row numbers would not match what the administrator sees.
/// CSV may be UTF-8 (with or without BOM) or GB18030, which is what Excel on a Chinese Windows saves.
/// </summary>
public static class SheetReader
{
    static SheetReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static IReadOnlyList<SheetRow> Read(RosterTable table, string path, string? sheet, List<ImportError> errors)
    {
        var name = sheet is null ? Path.GetFileName(path) : $"{Path.GetFileName(path)}［{sheet}］";
        try
        {
            var raw = Path.GetExtension(path).ToLowerInvariant() switch
            {
                ".csv" => ReadCsv(path),
                ".xlsx" => ReadXlsx(path, sheet),
                var other => throw new InvalidDataException($"不支持“{other}”文件，请用 .csv 或 .xlsx。"),
            };
            return ToRows(table, name, raw, errors);
        }
        // MiniExcel reports a damaged workbook with exceptions of its own namespace, or zip and XML exceptions.
        catch (Exception e) when (e is IOException or InvalidDataException or CsvFormatException or UnauthorizedAccessException or System.Xml.XmlException
            || e.GetType().Namespace?.StartsWith("MiniExcelLibs", StringComparison.Ordinal) == true)
        {
            errors.Add(new ImportError(name, RowOf(e), e switch
            {
                FileNotFoundException or DirectoryNotFoundException => "找不到这个文件。",
                CsvFormatException => "读不出来：这一行的引号没有配对（用引号括起的内容后面只能跟逗号或换行）。",
                _ => $"读不出来：{e.Message}",
            }));
            return [];
        }
    }

    private static List<SheetRow> ToRows(RosterTable table, string name, RawSheet raw, List<ImportError> errors)
    {
        var columns = table.Columns();
        var positions = new Dictionary<string, int>();
        for (var i = 0; i < raw.Headings.Count; i++)
        {
            var column = columns.FirstOrDefault(c => c.Matches(raw.Headings[i]));
            if (column is not null && !positions.TryAdd(column.Name, i))
            {
                errors.Add(new ImportError(name, 1, $"“{column.Name}”这一列出现了两次。"));
            }
        }

        var missing = columns.Where(c => c.Required && !positions.ContainsKey(c.Name)).Select(c => $"{c.Name}（{c.Aliases.FirstOrDefault()}）").ToList();
        if (missing.Count > 0)
        {
            errors.Add(new ImportError(name, 1, $"缺少这些列：{string.Join("、", missing)}。"));
            return [];
        }

        var rows = new List<SheetRow>(raw.Rows.Count);
        foreach (var (number, values) in raw.Rows)
        {
            var cells = positions.ToDictionary(p => p.Key, p => p.Value < values.Count ? values[p.Value].Trim() : "");
            var row = new SheetRow(number, cells);
            if (!row.IsEmpty)
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    private static RawSheet ReadCsv(string path)
    {
        using var text = new StringReader(Decode(File.ReadAllBytes(path)));
        using var csv = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true, Delimiter = ',' });
        var headings = Enumerable.Range(0, csv.FieldCount).Select(csv.GetName).ToList();
        var rows = new List<(int, IReadOnlyList<string>)>();
        while (csv.Read())
        {
            // Sylvan numbers data rows from 1; the heading is row 1 of the sheet.
            rows.Add((csv.RowNumber + 1, Enumerable.Range(0, Math.Min(csv.RowFieldCount, csv.FieldCount)).Select(csv.GetString).ToList()));
        }

        return new RawSheet(headings, rows);
    }

    private static RawSheet ReadXlsx(string path, string? sheet)
    {
        var rows = new List<(int, IReadOnlyList<string>)>();
        List<string>? headings = null;
        var number = 0;
        foreach (IDictionary<string, object?> row in MiniExcel.Query(path, useHeaderRow: false, sheetName: sheet))
        {
            number++;
            var values = row.Values.Select(Cell).ToList();
            if (headings is null)
            {
                headings = values;
                continue;
            }

            rows.Add((number, values));
        }

        return new RawSheet(headings ?? [], rows);
    }

    /// <summary>Excel stores phone numbers and numeric ids as numbers: write them back without ".0" or exponent.</summary>
    private static string Cell(object? value) => value switch
    {
        null => "",
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => ((long)d).ToString(System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Decode(byte[] bytes)
    {
        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }

    private static int RowOf(Exception e) => e is CsvFormatException csv ? csv.RowNumber + 1 : 0;

    private sealed record RawSheet(IReadOnlyList<string> Headings, IReadOnlyList<(int Number, IReadOnlyList<string> Values)> Rows);
}
