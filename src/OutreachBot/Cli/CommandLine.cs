using System.CommandLine;
using OutreachBot.Hosting;

namespace OutreachBot.Cli;

/// <summary>
/// Commands run with `dotnet run --project src/OutreachBot -- &lt;command&gt;` instead of starting the server.
/// They use the same registrations as the server (configuration, database, bot), without listening on a port.
/// </summary>
public static class CommandLine
{
    public static bool IsCommand(string[] args) => args.Length > 0 && (!args[0].StartsWith('-') || args[0] is "--help" or "-h" or "-?");

    public static async Task<int> RunAsync(string[] args, string contentRoot)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = contentRoot, Args = [] });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddOutreachBot();
        await using var app = builder.Build();

        var root = new RootCommand("OutreachBot 命令行工具");
        foreach (var command in app.Services.GetServices<ICliCommand>())
        {
            root.Subcommands.Add(command.Create(app.Services));
        }

        return await root.Parse(args).InvokeAsync();
    }
}
