using System.CommandLine;
using OutreachBot.Cli;
using OutreachBot.Roster;
using OutreachBot.Time;

namespace OutreachBot.Identity;

/// <summary>`bind-code --cadre C101` or `--staff S02`: a one-time code the person types into the chat to bind.</summary>
public sealed class BindCodeCommand : ICliCommand
{
    public Command Create(IServiceProvider services)
    {
        var cadre = new Option<string?>("--cadre") { Description = "干部编号" };
        var staff = new Option<string?>("--staff") { Description = "工作人员编号" };
        var command = new Command("bind-code", "给干部或工作人员生成一次性绑定码（本人在服务号里发“绑定 绑定码”）") { cadre, staff };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var (cadreId, staffId) = (parse.GetValue(cadre), parse.GetValue(staff));
            if ((cadreId is null) == (staffId is null))
            {
                error.WriteLine("请给出 --cadre <干部编号> 或 --staff <工作人员编号> 中的一个。");
                return 1;
            }

            return DatabaseGuard.Run(error, () =>
            {
                try
                {
                    var issued = services.GetRequiredService<IdentityService>().CreateCode(cadreId is null ? Role.Staff : Role.Cadre, cadreId ?? staffId!);
                    output.WriteLine($"绑定码：{issued.Code}");
                    output.WriteLine($"给：{issued.PersonName}（{(issued.Role == Role.Cadre ? "干部" : "工作人员")} {issued.PersonId}）");
                    output.WriteLine($"有效期至：{ChinaTime.Format(issued.ExpiresAt)}（北京时间），只能用一次。");
                    output.WriteLine($"请让本人在服务号里发送：绑定 {issued.Code}");
                    return 0;
                }
                catch (RosterRuleException e)
                {
                    error.WriteLine(e.Message);
                    return 1;
                }
            });
        });
        return command;
    }
}
