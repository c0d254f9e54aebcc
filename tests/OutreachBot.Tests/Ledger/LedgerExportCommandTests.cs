using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using OutreachBot.Identity;
using OutreachBot.Ledger;
using OutreachBot.Tests.Support;

namespace OutreachBot.Tests.Ledger;

/// <summary>`export-ledger --ledger MS --out 民生诉求.xlsx` as a county clerk runs it before the joint meeting.</summary>
public sealed class LedgerExportCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task The_workbook_opens_and_its_rows_match_the_stored_entries()
    {
        await using var host = CliRunner.Host(_folder.File("bot.db"));
        var ledger = host.Services.GetRequiredService<LedgerService>();
        var villager = UserIdentity.Resident("wechat", "o-1");
        var staff = new UserIdentity("test", "demo-staff", Role.Staff, "S02");
        var water = ledger.Raise(villager, new RaiseRequest("饮水", "三组自来水停了", "V0101")).Entry;
        ledger.Raise(villager, new RaiseRequest("道路交通", "上寨村的路塌了", "V0102"));
        ledger.Raise(villager, new RaiseRequest("矛盾纠纷", "宅基地纠纷", "V0101"));
        ledger.Resolve(staff, water.Id, "换了水管");
        var file = _folder.File("民生诉求.xlsx");

        var (exit, output, error) = await CliRunner.RunAsync<ExportLedgerCommand>(host.Services, "--ledger", "MS", "--out", file);

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Contains("已导出 民生诉求台账 2 条", output, StringComparison.Ordinal);
        var rows = MiniExcel.Query(file, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(LedgerExport.Columns, rows[0].Keys);
        Assert.Equal(2, rows.Count);
        var first = rows.Single(r => (string?)r["编号"] == water.Id);
        Assert.Equal("青岩村", first["村"]);
        Assert.Equal("三组自来水停了", first["问题"]);
        Assert.Equal("县水务局", first["交办单位"]);
        Assert.Contains("换了水管", (string?)first["办理情况"], StringComparison.Ordinal);
        Assert.Equal("已办结待回访", first["状态"]);
    }
}
