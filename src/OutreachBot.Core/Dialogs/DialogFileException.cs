namespace OutreachBot.Dialogs;

/// <summary>A dialog file that cannot run, with every problem found as "file:line: reason".</summary>
public sealed class DialogFileException(IReadOnlyList<string> problems)
    : Exception("Dialog files have problems:\n" + string.Join("\n", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
