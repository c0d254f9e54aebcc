namespace OutreachBot.Dialogs;

public enum DialogMode
{
    Answering,
    Review,
    WayOut,
}

/// <summary>
/// The running dialog of a conversation, kept in ConversationState (so on LiteDB): a dialog half-way survives a
/// restart. It names the dialog by its stable id and remembers the file's structure fingerprint.
/// </summary>
public sealed class DialogState
{
    public string DialogId { get; set; } = "";

    public string Fingerprint { get; set; } = "";

    /// <summary>A new id each time a dialog starts: with the step, it makes an idempotency key for actions.</summary>
    public string RunId { get; set; } = "";

    public int Step { get; set; }

    public DialogMode Mode { get; set; }

    public int Attempts { get; set; }

    /// <summary>Slot values as actions receive them (ids, ISO dates, numbers as text).</summary>
    public Dictionary<string, string> Slots { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How each value is shown back to the user (a village's name rather than its id).</summary>
    public Dictionary<string, string> Labels { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Slots the user left for a cadre to fill in after three failed attempts.</summary>
    public List<string> HandedOff { get; set; } = [];

    /// <summary>Prompt steps in the order they were asked, for 上一步.</summary>
    public List<int> Asked { get; set; } = [];

    /// <summary>When a choice answer matched several options, the candidates the next number refers to.</summary>
    public List<ChoiceOption>? Narrowed { get; set; }

    /// <summary>
    /// The values of a computed list as it was last shown, in order: a number answers that list, even if the list
    /// has changed since (an entry closed by someone else moves every entry after it up by one).
    /// </summary>
    public List<string>? Shown { get; set; }

    /// <summary>Set while the user corrects one answer from the read-back.</summary>
    public int? ReturnToReview { get; set; }
}
