using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Cli;
using OutreachBot.Hosting;

namespace OutreachBot.Tests.Support;

/// <summary>Runs a command-line command on the services as the command line builds them, capturing what it prints.</summary>
public static class CliRunner
{
    /// <summary>The same registrations as `dotnet run -- &lt;command&gt;`, on a given database file; nothing is opened yet.</summary>
    public static WebApplication Host(string databasePath, IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = ContentRoot.Locate(), EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["Storage:Path"] = databasePath });
        builder.AddOutreachBot();
        return builder.Build();
    }

    public static async Task<(int Exit, string Output, string Error)> RunAsync<TCommand>(IServiceProvider services, params string[] args)
        where TCommand : ICliCommand
    {
        var command = services.GetServices<ICliCommand>().OfType<TCommand>().Single().Create(services);
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await command.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString().Replace("\r", ""), error.ToString().Replace("\r", ""));
    }
}
