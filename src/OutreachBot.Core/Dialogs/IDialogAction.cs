namespace OutreachBot.Dialogs;

/// <summary>
/// Code a dialog file runs by name (<c>do: ledger.raise</c>). Features register actions; the runtime checks at
/// start-up that every name a file uses exists.
/// </summary>
public interface IDialogAction
{
    string Name { get; }

    /// <summary>Slots this action fills, so files may use them in later steps and placeholders.</summary>
    IReadOnlyCollection<string> Produces => [];

    Task<ActionResult> RunAsync(DialogContext context, CancellationToken cancellationToken);
}

public enum ActionOutcome
{
    /// <summary>Go on with the next step.</summary>
    Next,

    /// <summary>The dialog is over (the action has said what it needed to).</summary>
    End,

    /// <summary>Start another dialog, handing it slots (a visit that goes on to raise a ledger entry).</summary>
    Begin,
}

public sealed record ActionResult(ActionOutcome Outcome, string? DialogId = null, IReadOnlyDictionary<string, string>? Slots = null)
{
    public static readonly ActionResult Next = new(ActionOutcome.Next);

    public static readonly ActionResult End = new(ActionOutcome.End);

    public static ActionResult Begin(string dialogId, IReadOnlyDictionary<string, string>? slots = null) => new(ActionOutcome.Begin, dialogId, slots);
}
