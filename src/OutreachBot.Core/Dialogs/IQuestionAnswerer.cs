namespace OutreachBot.Dialogs;

/// <summary>An answer from the policy handbook, or a plain "not found" with an offer to pass the question on.</summary>
public sealed record PolicyReply(bool Answered, string Text);

/// <summary>
/// The router's fallback for text that is neither a command nor an answer. Null when the text is not a question
/// the handbook could answer or decline meaningfully.
/// </summary>
public interface IQuestionAnswerer
{
    PolicyReply? Answer(string text);
}
