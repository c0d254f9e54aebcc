using System.CommandLine;
using System.Text;
using Microsoft.Bot.Builder;

namespace OutreachBot.Channels.ConsoleChat;

/// <summary>`chat`: talk to the bot in this terminal, as a villager or (with --as) as the demo cadre or staff member.</summary>
public sealed class ChatCommand : Cli.ICliCommand
{
    private static readonly Dictionary<string, string> DemoUsers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["resident"] = "console-villager",
        ["cadre"] = "demo-cadre",
        ["staff"] = "demo-staff",
    };

    public Command Create(IServiceProvider services)
    {
        var asRole = new Option<string>("--as") { Description = "resident（村民，默认）、cadre（演示干部）或 staff（演示工作人员）", DefaultValueFactory = _ => "resident" };
        asRole.AcceptOnlyFromAmong([.. DemoUsers.Keys]);
        var user = new Option<string?>("--user") { Description = "用这个渠道用户 id 聊天（覆盖 --as）" };
        var command = new Command("chat", "在终端里和机器人聊天（输入 /quit 或按 Ctrl+D 结束）") { asRole, user };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var userId = parse.GetValue(user) ?? DemoUsers[parse.GetValue(asRole)!];
            await RunAsync(services, userId, Console.In, Console.Out, cancellationToken);
            return 0;
        });
        return command;
    }

    public static async Task RunAsync(IServiceProvider services, string userId, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        if (ReferenceEquals(output, Console.Out))
        {
            Console.OutputEncoding = Encoding.UTF8;
            Console.InputEncoding = Encoding.UTF8;
        }

        var bot = services.GetRequiredService<IBot>();
        var adapter = new ConsoleAdapter(output, userId, services);
        await adapter.JoinAsync(bot, cancellationToken);
        while (!cancellationToken.IsCancellationRequested)
        {
            await output.WriteAsync("> ");
            var line = await input.ReadLineAsync(cancellationToken);
            if (line is null || line.Trim() is "/quit" or "/exit")
            {
                break;
            }

            if (line.Trim().Length > 0)
            {
                await adapter.SendAsync(line, bot, cancellationToken);
            }
        }
    }
}
