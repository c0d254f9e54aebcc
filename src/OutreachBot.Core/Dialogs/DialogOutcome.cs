namespace OutreachBot.Dialogs;

/// <summary>What the router does after the runner has handled a turn.</summary>
public abstract record DialogOutcome
{
    public static readonly DialogOutcome Waiting = new WaitingForAnswer();
    public static readonly DialogOutcome Ended = new DialogEnded();
    public static readonly DialogOutcome ShowMenu = new MenuRequested();

    public sealed record WaitingForAnswer : DialogOutcome;

    public sealed record DialogEnded : DialogOutcome;

    public sealed record MenuRequested : DialogOutcome;

    public sealed record Chain(string DialogId, IReadOnlyDictionary<string, string> Slots) : DialogOutcome;
}
