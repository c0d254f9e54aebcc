namespace OutreachBot.Dialogs;

/// <summary>
/// What a reply to a free-text question offers next, by number: another section (<see cref="Section"/>), a dialog
/// to start with some slots filled (<see cref="DialogId"/>, e.g. passing the question on as a 民生诉求), or nothing.
/// </summary>
public sealed record PolicyFollowUp(string? Section = null, string? DialogId = null, Dictionary<string, string>? Slots = null);

/// <summary>
/// An answer from the policy handbook (or a plain "not found"). <see cref="Offer"/> lists the numbered follow-ups;
/// it is left out in the middle of a dialog, where numbers answer the dialog's own question.
/// </summary>
public sealed record PolicyReply(bool Answered, string Text, string? Offer = null, IReadOnlyList<PolicyFollowUp>? FollowUps = null)
{
    public IReadOnlyList<PolicyFollowUp> FollowUps { get; init; } = FollowUps ?? [];

    public string FullText => Offer is null ? Text : Text + "\n" + Offer;
}

/// <summary>The router's fallback for text that is neither a command nor an answer.</summary>
public interface IQuestionAnswerer
{
    /// <summary>Null when the text is not something the handbook could answer or meaningfully decline ("哈哈").</summary>
    PolicyReply? Answer(string text);

    /// <summary>A section chosen by number from an earlier reply's follow-ups.</summary>
    PolicyReply? Section(string title);

    /// <summary>In the middle of a dialog: is this a policy question worth interrupting for, not an answer?</summary>
    bool IsPolicyQuestion(string text);
}
