using System.Text;
using LiteDB;
using Microsoft.Extensions.Time.Testing;
using MiniExcelLibs;
using OutreachBot.Roster;
using OutreachBot.Roster.Import;
using OutreachBot.Tests.Support;
using OutreachBot.Storage.LiteDb;
using OutreachBot.Storage.LiteDb.Roster;

namespace OutreachBot.Tests.Roster;

/// <summary>
/// The administrator's roster files, imported into a database that already holds the demo county. Each kind of bad
/// row is named by file and row, and the database is left exactly as it was.
/// </summary>
public sealed class RosterImportTests : IDisposable
{
    private const string GoodHousehold = "H9000001,V0101,一组,黄小明,4,低保,13912345678";
    private const string GoodPairing = "C101,H9000001";

    private readonly TempFolder _folder = new();
    private readonly DemoCounty _county = new();

    public void Dispose()
    {
        _county.Dispose();
        _folder.Dispose();
    }

    public static TheoryData<string, string, string> BadHouseholdRows => new()
    {
        { "H9000002,V9999,一组,李四,3,,", "C101,H9000002", "没有编号为 V9999 的村" },
        { "H0101001,V0101,一组,李四,3,,", "", "编号 H0101001 重复了，第 2 行已经用过" },
        { "H9000002,V0101,一组,李四,3,,1234567", "C101,H9000002", "不是有效的手机号" },
        { "H9000002,V0101,一组,,3,,", "C101,H9000002", "缺少户主姓名" },
        { "H9000002,V0101,一组,李四,3,,", "", "没有结对干部" },
        { "H9000002,V0101,一组,李四,三,,", "C101,H9000002", "家庭人口" },
        { "H9000002,V0101,一组,李四,3,贫困户,", "C101,H9000002", "标签“贫困户”不认识" },
    };

    [Theory]
    [MemberData(nameof(BadHouseholdRows))]
    public void A_csv_with_one_bad_row_changes_nothing_and_names_the_row(string badRow, string badPairing, string expected)
    {
        var source = Roster(households: [GoodHousehold, badRow], pairings: [GoodPairing, badPairing]);
        var before = Snapshot();

        var result = Import(source);

        var error = Assert.Single(result.Errors);
        Assert.Equal("households.csv", error.File);
        Assert.Equal(153, error.Row);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("households.csv 第 153 行：", error.ToString(), StringComparison.Ordinal);
        Assert.False(result.Succeeded);
        Assert.Equal(before, Snapshot());
        Assert.Null(_county.Roster.FindHousehold("H9000001"));
    }

    [Theory]
    [MemberData(nameof(BadHouseholdRows))]
    public void An_xlsx_with_one_bad_row_changes_nothing_and_names_the_row(string badRow, string badPairing, string expected)
    {
        var source = Roster(households: [GoodHousehold, badRow], pairings: [GoodPairing, badPairing]);
        ToWorkbook(source, "households");
        var before = Snapshot();

        var result = Import(source);

        var error = Assert.Single(result.Errors);
        Assert.Equal("households.xlsx", error.File);
        Assert.Equal(153, error.Row);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public void Good_rows_are_added_and_importing_them_again_changes_nothing()
    {
        var source = Roster(households: [GoodHousehold], pairings: [GoodPairing, "C301,H0101001"]);

        var first = Import(source);
        var afterFirst = Snapshot();
        var second = Import(source);

        Assert.True(first.Succeeded, string.Join("\n", first.Errors));
        Assert.Equal(new AddedUpdated(1, 150), first.Counts!.Households);
        Assert.Equal(2, first.Counts.PairingsAdded);
        var added = _county.Roster.FindHousehold("H9000001")!;
        Assert.Equal(("黄小明", 4, "13912345678"), (added.HeadName, added.Members, added.Phone));
        Assert.Equal(["低保"], added.Tags);
        Assert.Equal(["C101", "C301"], _county.Roster.FindHousehold("H0101001")!.Pairings.Select(p => p.CadreId));
        Assert.True(second.Succeeded);
        Assert.Equal(0, second.Counts!.PairingsAdded);
        Assert.Equal(afterFirst, Snapshot());
    }

    [Fact]
    public void A_write_that_fails_halfway_is_rolled_back_whole()
    {
        var townships = Write("townships.csv", "id,name", "T99,新乡");
        var households = Write("households.csv", "id,village_id,group,head_name,members,tags,phone", "H9000001,V0101,一组,黄小明,4,,");
        var pairings = Write("pairings.csv", "cadre_id,household_id", GoodPairing);
        var importer = new RosterImporter(_county.Roster, _county.Clock);
        var plan = importer.Validate(new RosterSource().With(RosterTable.Townships, townships).With(RosterTable.Households, households).With(RosterTable.Pairings, pairings));
        Assert.Empty(plan.Errors);
        _county.Database.GetCollection<Household>(LiteDbRosterStore.HouseholdsCollection).Insert(new Household("H9000001", "V0101", "抢先写入", 1));
        var before = Snapshot();

        Assert.Throws<LiteException>(() => importer.Apply(plan));

        Assert.Equal(before, Snapshot());
        Assert.Null(_county.Roster.FindTownship("T99"));
    }

    [Fact]
    public void Updating_a_household_keeps_its_pairings()
    {
        var file = Write("households.csv", "id,village_id,group,head_name,members,tags,phone", "H0101001,V0101,二组,王德民,2,低保,");

        var result = Import(new RosterSource().With(RosterTable.Households, file));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var household = _county.Roster.FindHousehold("H0101001")!;
        Assert.Equal(("王德民", 2), (household.HeadName, household.Members));
        Assert.Equal(["C101"], household.Pairings.Select(p => p.CadreId));
    }

    [Fact]
    public void Blank_lines_count_as_rows_so_the_number_matches_what_the_administrator_sees()
    {
        var file = Write("households.csv", "id,village_id,group,head_name,members,tags,phone", "", "H9000001,V0101,一组,黄小明,4,,", "", "H9000002,V0101,一组,李四,3,,12345");
        var pairings = Write("pairings.csv", "cadre_id,household_id", "C101,H9000001", "C101,H9000002");

        var result = Import(new RosterSource().With(RosterTable.Households, file).With(RosterTable.Pairings, pairings));

        Assert.Equal(5, Assert.Single(result.Errors).Row);
    }

    [Fact]
    public void Several_bad_rows_are_all_reported_in_table_order()
    {
        var households = Write("households.csv", "id,village_id,group,head_name,members,tags,phone", "H9000001,V0101,一组,,4,,", "H9000002,V0101,一组,李四,3,,12345");
        var pairings = Write("pairings.csv", "cadre_id,household_id", "C999,H9000001", "C101,H9000002", "C101,H9000002", "C101,H8888888");

        var result = Import(new RosterSource().With(RosterTable.Households, households).With(RosterTable.Pairings, pairings));

        Assert.Equal(
            ["households.csv 第 2 行", "households.csv 第 3 行", "pairings.csv 第 2 行", "pairings.csv 第 4 行", "pairings.csv 第 5 行"],
            result.Errors.Select(e => e.ToString().Split('：')[0]));
        Assert.Contains("没有编号为 C999 的干部", result.Errors[2].Message, StringComparison.Ordinal);
        Assert.Contains("重复", result.Errors[3].Message, StringComparison.Ordinal);
        Assert.Contains("没有编号为 H8888888 的户", result.Errors[4].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_quote_is_reported_on_its_row_and_nothing_is_written()
    {
        var file = Write("households.csv", "id,village_id,group,head_name,members,tags,phone", "H9000001,V0101,一组,黄小明,4,,", "H9000002,V0101,一组,\"李\"四,3,,");
        var before = Snapshot();

        var error = Assert.Single(Import(new RosterSource().With(RosterTable.Households, file)).Errors);

        Assert.Equal(3, error.Row);
        Assert.Contains("引号没有配对", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public void A_missing_column_is_reported_on_the_heading_row()
    {
        var file = Write("households.csv", "id,village_id,group,members,phone", "H9000001,V0101,一组,4,");

        var error = Assert.Single(Import(new RosterSource().With(RosterTable.Households, file)).Errors);

        Assert.Equal(1, error.Row);
        Assert.Contains("head_name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Chinese_headings_and_a_csv_saved_by_excel_in_gb18030_are_read()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var households = _folder.File("households.csv");
        File.WriteAllText(households, "户编号,村编号,组,户主姓名,人口,标签,电话\nH9000001,V0101,一组,黄小明,4,建档立卡、已脱贫,\n", Encoding.GetEncoding("GB18030"));
        var pairings = Write("pairings.csv", "干部编号,户编号", GoodPairing);

        var result = Import(new RosterSource().With(RosterTable.Households, households).With(RosterTable.Pairings, pairings));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal("黄小明", _county.Roster.FindHousehold("H9000001")!.HeadName);
        Assert.Equal(["建档立卡", "已脱贫"], _county.Roster.FindHousehold("H9000001")!.Tags);
    }

    [Fact]
    public void A_workbook_with_one_sheet_per_table_imports_a_whole_county_into_an_empty_database()
    {
        var workbook = _folder.File("roster.xlsx");
        var sheets = new Dictionary<string, object>();
        foreach (var (table, sheet) in new[] { ("townships", "乡镇"), ("villages", "村"), ("cadres", "干部"), ("staff", "工作人员"), ("households", "农户"), ("pairings", "结对") })
        {
            sheets[sheet] = ReadCsv(Path.Combine(DemoCounty.RosterFolder, table + ".csv"));
        }

        // Excel keeps a typed-in phone number as a number: 13800000446, not "13800000446".
        foreach (var row in (List<Dictionary<string, object?>>)sheets["农户"])
        {
            row["phone"] = row["phone"] is string { Length: > 0 } phone ? long.Parse(phone, System.Globalization.CultureInfo.InvariantCulture) : null;
        }

        MiniExcel.SaveAs(workbook, sheets);
        using var empty = OutreachBot.Storage.LiteDb.Database.InMemory();
        var roster = new LiteDbRosterStore(empty);

        var result = new RosterImporter(roster, new FakeTimeProvider()).Import(RosterSource.From(workbook));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(new RosterCounts(3, 8, 150, 30, 4), roster.Count());
        Assert.Equal("13800000446", roster.FindHousehold("H0101001")!.Phone);
    }

    [Fact]
    public void A_damaged_workbook_is_an_error_not_a_crash()
    {
        var file = _folder.File("households.xlsx");
        File.WriteAllText(file, "this is not a zip file");

        var error = Assert.Single(Import(new RosterSource().With(RosterTable.Households, file)).Errors);

        Assert.Equal(("households.xlsx", 0), (error.File, error.Row));
        Assert.StartsWith("读不出来", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_there_or_not_a_spreadsheet_is_an_error_not_a_crash()
    {
        var text = Write("households.txt", "hello");

        var result = Import(new RosterSource().With(RosterTable.Households, _folder.File("nope.csv")).With(RosterTable.Pairings, text));

        Assert.Equal(2, result.Errors.Count);
        Assert.Contains("找不到", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains(".txt", result.Errors[1].Message, StringComparison.Ordinal);
    }

    private RosterImportResult Import(RosterSource source) => new RosterImporter(_county.Roster, _county.Clock).Import(source);

    /// <summary>A copy of the demo county's files with rows appended to households.csv and pairings.csv.</summary>
    private RosterSource Roster(string[] households, string[] pairings)
    {
        var folder = Path.Combine(_folder.Path, "roster");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(DemoCounty.RosterFolder, "*.csv"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: true);
        }

        File.AppendAllLines(Path.Combine(folder, "households.csv"), households);
        File.AppendAllLines(Path.Combine(folder, "pairings.csv"), pairings.Where(p => p.Length > 0));
        return RosterSource.FromFolder(folder);
    }

    /// <summary>Replaces table.csv of the source's folder by the same rows in table.xlsx.</summary>
    private static void ToWorkbook(RosterSource source, string table)
    {
        var csv = source.Entries.Values.Select(e => e.Path).Single(p => Path.GetFileName(p) == table + ".csv");
        MiniExcel.SaveAs(Path.ChangeExtension(csv, ".xlsx"), ReadCsv(csv));
        File.Delete(csv);
        var refreshed = RosterSource.FromFolder(Path.GetDirectoryName(csv)!);
        foreach (var (key, entry) in refreshed.Entries)
        {
            source.With(key, entry.Path, entry.Sheet);
        }
    }

    /// <summary>The test files have no quoted fields, so a split is enough; phones stay text as an office would type them.</summary>
    private static List<Dictionary<string, object?>> ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path);
        var headings = lines[0].Split(',');
        return [.. lines.Skip(1).Select(line => headings.Zip(line.Split(',')).ToDictionary(p => p.First, p => (object?)p.Second))];
    }

    private string Write(string name, params string[] lines)
    {
        var path = _folder.File(name);
        File.WriteAllText(path, string.Join("\n", lines) + "\n", new UTF8Encoding(false));
        return path;
    }

    private string Snapshot()
    {
        var text = new StringBuilder();
        foreach (var collection in new[] { LiteDbRosterStore.TownshipsCollection, LiteDbRosterStore.VillagesCollection, LiteDbRosterStore.CadresCollection, LiteDbRosterStore.StaffCollection, LiteDbRosterStore.HouseholdsCollection })
        {
            foreach (var document in _county.Database.GetCollection(collection).FindAll())
            {
                text.AppendLine(JsonSerializer.Serialize(document));
            }
        }

        return text.ToString();
    }
}
