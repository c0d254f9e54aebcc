using System.CommandLine;
using OutreachBot.Cli;
using OutreachBot.Identity;
using OutreachBot.Roster;

namespace OutreachBot.Ledger;

/// <summary>`export-ledger --ledger MS [--out file.xlsx]`: one ledger as the county offices keep it, in xlsx.</summary>
public sealed class ExportLedgerCommand(TimeProvider clock) : ICliCommand
{
    public Command Create(IServiceProvider services)
    {
        var ledger = new Option<string>("--ledger") { Description = "MS（民生诉求）、KN（困难群众）或 WD（稳定工作）", Required = true };
        ledger.AcceptOnlyFromAmong("MS", "KN", "WD", "ms", "kn", "wd");
        var output = new Option<FileInfo?>("--out") { Description = "写到这个 .xlsx 文件（默认：当前目录下按台账和日期命名）" };
        var command = new Command("export-ledger", "把一本民情台账导出成 Excel 表（编号、登记日期、村、反映人/户、问题、交办单位、办理情况、状态、销号日期、满意度）") { ledger, output };
        command.SetAction(parse =>
        {
            var book = LedgerBooks.FromPrefix(parse.GetValue(ledger)!)!.Value;
            var file = parse.GetValue(output)?.FullName ?? Path.GetFullPath(LedgerExport.FileName(book, clock.GetUtcNow()));
            return DatabaseGuard.Run(parse.InvocationConfiguration.Error, () =>
            {
                var entries = services.GetRequiredService<LedgerStore>().All().Where(e => e.Book == book).OrderBy(e => e.RaisedAt);
                using var stream = File.Create(file);
                var rows = new LedgerExport(services.GetRequiredService<IRosterStore>()).Write(stream, book, entries);
                parse.InvocationConfiguration.Output.WriteLine($"已导出 {book.ChineseName()}台账 {rows} 条：{file}");
                return 0;
            });
        });
        return command;
    }
}
