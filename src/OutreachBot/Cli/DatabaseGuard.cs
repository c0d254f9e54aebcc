using OutreachBot.Storage;

namespace OutreachBot.Cli;

/// <summary>Runs a command that opens the database, and explains plainly when the running bot holds it.</summary>
public static class DatabaseGuard
{
    public const int InUseExitCode = 3;

    public static int Run(TextWriter error, Func<int> action)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            return action();
        }
        catch (DatabaseInUseException e)
        {
            error.WriteLine($"数据库文件 {e.Path} 正被另一个程序使用，多半是机器人正在运行。");
            error.WriteLine("数据库文件同一时间只能由一个程序打开：请先停止机器人，再运行这个命令；命令做完后再启动机器人。");
            return InUseExitCode;
        }
    }
}
