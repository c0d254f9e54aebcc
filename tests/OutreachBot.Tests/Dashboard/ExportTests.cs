using System.IO.Compression;
using Microsoft.Extensions.Options;
using MiniExcelLibs;
using OutreachBot.Ledger;
using OutreachBot.Ledger.Forwarding;
using OutreachBot.Tests.Roster;
using OutreachBot.Visits;
using OutreachBot.Storage.LiteDb.Visits;

namespace OutreachBot.Tests.Dashboard;

/// <summary>The ledger and visit workbooks, read back with MiniExcel as a county office would open them.</summary>
public sealed class ExportTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 10, 9, 0, 0, TimeSpan.FromHours(8));
    private readonly DemoCounty _county = new(Now);

    [Fact]
    public void A_ledger_exports_with_the_county_office_columns_oldest_first_and_only_its_own_entries()
    {
        var entries = Entries();
        using var file = new MemoryStream();

        var rows = new LedgerExport(_county.Roster).Write(file, LedgerBook.LivelihoodRequests, entries);

        file.Position = 0;
        var sheet = file.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(3, rows);
        Assert.Equal(["编号", "登记日期", "村", "反映人/户", "问题", "交办单位", "办理情况", "状态", "销号日期", "满意度"], LedgerExport.Columns);
        Assert.Equal(LedgerExport.Columns, sheet[0].Keys);
        Assert.Equal(["MS20261101-0001", "MS20261102-0001", "MS20261103-0001"], sheet.Select(r => (string?)r["编号"]));

        var closed = sheet[0];
        Assert.Equal("2026-11-01", closed["登记日期"]);
        Assert.Equal("青岩村", closed["村"]);
        Assert.Equal("王德明", closed["反映人/户"]);
        Assert.Equal("=HYPERLINK(\"http://x\")自来水停了", closed["问题"]);
        Assert.Equal("县水务局", closed["交办单位"]);
        Assert.Equal("换了水泵", closed["办理情况"]);
        Assert.Equal("已销号", closed["状态"]);
        Assert.Equal("2026-11-05", closed["销号日期"]);
        Assert.Equal("满意", closed["满意度"]);

        Assert.Equal(("无法解决：水源在邻县", "无法解决", "2026-11-20", null), ((string?)sheet[1]["办理情况"], (string?)sheet[1]["状态"], (string?)sheet[1]["销号日期"], (string?)sheet[1]["满意度"]));
        Assert.Equal(("林文涛（唐正全户）", "已登记", null), ((string?)sheet[2]["反映人/户"], (string?)sheet[2]["状态"], (string?)sheet[2]["交办单位"]));
    }

    [Fact]
    public void Villagers_words_that_look_like_formulas_stay_text_and_no_household_tag_or_phone_is_written()
    {
        using var file = new MemoryStream();
        new LedgerExport(_county.Roster).Write(file, LedgerBook.LivelihoodRequests, Entries());

        var xml = SheetXml(file);
        Assert.DoesNotContain("<f>", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("残疾", xml, StringComparison.Ordinal);   // 唐正全's tag
        Assert.DoesNotContain("13800004914", xml, StringComparison.Ordinal); // and his phone
    }

    [Fact]
    public void An_empty_ledger_still_exports_its_header_row()
    {
        using var file = new MemoryStream();

        var rows = new LedgerExport(_county.Roster).Write(file, LedgerBook.Stability, Entries());

        file.Position = 0;
        Assert.Equal(0, rows);
        Assert.Equal(LedgerExport.Columns, file.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().First().Values.Cast<string>());
        Assert.Equal("稳定工作台账-20261210.xlsx", LedgerExport.FileName(LedgerBook.Stability, Now));
    }

    [Fact]
    public void Visits_export_with_place_household_cadre_kind_and_the_four_notes()
    {
        var secretary = _county.Cadre("C101");
        Assert.True(_county.Visits.LogVisit(secretary, new LogVisitRequest("H0101001", Now.AddDays(-1), VisitKind.Relief, new VisitNotes("修路", "一个人住", "想养蜂", "腿疼"))).Logged);
        Assert.True(_county.Visits.LogVisit(secretary, new LogVisitRequest("H0101002", Now.AddDays(-30), VisitKind.HomeVisit)).Logged);
        using var file = new MemoryStream();

        var rows = new VisitExport(_county.Roster).Write(file, new LiteDbVisitRecords(_county.Database).All());

        file.Position = 0;
        var sheet = file.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(2, rows);
        Assert.Equal(VisitExport.Columns, sheet[0].Keys);
        Assert.Equal("李桂兰", sheet[0]["户主"]);
        var relief = sheet[1];
        Assert.Equal(("2026-12-09 09:00", "青岩乡", "青岩村", "二组", "王德明"), ((string?)relief["走访日期"], (string?)relief["乡镇"], (string?)relief["村"], (string?)relief["组"], (string?)relief["户主"]));
        Assert.Equal(("林文涛", "县农业农村局", "慰问"), ((string?)relief["走访干部"], (string?)relief["工作单位"], (string?)relief["方式"]));
        Assert.Equal(("修路", "一个人住", "想养蜂", "腿疼"), ((string?)relief["村情社情"], (string?)relief["户情民情"], (string?)relief["期盼愿望"], (string?)relief["问题困难"]));
    }

    public void Dispose() => _county.Dispose();

    private static List<LedgerEntry> Entries()
    {
        var closed = new LedgerEntry("MS20261101-0001", LedgerBook.LivelihoodRequests, "饮水", "=HYPERLINK(\"http://x\")自来水停了", new Reporter("test", "v1", "王德明"), "V0101", "青岩村", At(11, 1), At(11, 8));
        closed.Assign("县水务局", null, "system", At(11, 1));
        closed.Resolve("换了水泵", "C101", At(11, 4));
        closed.RecordSatisfaction(Satisfaction.Satisfied, null, "v1", At(11, 5));
        var unresolved = new LedgerEntry("MS20261102-0001", LedgerBook.LivelihoodRequests, "饮水", "想通自来水", new Reporter("test", "v2"), "V0101", "青岩村", At(11, 2), At(11, 9));
        unresolved.Assign("县水务局", null, "system", At(11, 2));
        unresolved.CloseUnresolved("水源在邻县", "C101", At(11, 20));
        var forHousehold = new LedgerEntry("MS20261103-0001", LedgerBook.LivelihoodRequests, "取暖", "冬天太冷", new Reporter("test", "c101", "林文涛", CadreId: "C101"), "V0101", "青岩村", At(11, 3), At(11, 10))
        {
            HouseholdId = "H0101003",
        };
        var other = new LedgerEntry("KN20261101-0001", LedgerBook.HouseholdsInDifficulty, "生活困难", "没有收入", new Reporter("test", "v3"), "V0101", "青岩村", At(10, 30), At(11, 6));
        return [forHousehold, unresolved, other, closed];
    }

    private static DateTimeOffset At(int month, int day) => new(2026, month, day, 10, 0, 0, TimeSpan.FromHours(8));

    private static string SheetXml(MemoryStream file)
    {
        file.Position = 0;
        using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
        using var reader = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        return reader.ReadToEnd() + string.Concat(zip.Entries.Where(e => e.FullName.Contains("sharedStrings", StringComparison.Ordinal)).Select(e => new StreamReader(e.Open()).ReadToEnd()));
    }
}
