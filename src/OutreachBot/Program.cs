using OutreachBot.Cli;
using OutreachBot.Hosting;

var contentRoot = ContentRoot.Locate();
if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(args, contentRoot);
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = contentRoot });
builder.AddOutreachBot();

var app = builder.Build();
app.MapOutreachBot();
await app.RunAsync();
return 0;

/// <summary>The entry point, public so integration tests can host it.</summary>
public partial class Program;
