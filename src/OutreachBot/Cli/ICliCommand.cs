using System.CommandLine;

namespace OutreachBot.Cli;

/// <summary>A command-line command an area contributes; it resolves its services only when invoked.</summary>
public interface ICliCommand
{
    Command Create(IServiceProvider services);
}
