using Microsoft.Bot.Schema;
using OutreachBot.Texts;

namespace OutreachBot.Dialogs.Prompts;

/// <summary>Recognises an answer to one kind of question (text, choice, date, ...).</summary>
public interface IPrompt
{
    string Kind { get; }

    PromptResult Recognize(PromptInput input);
}

/// <param name="Text">The message text, normalised for recognising (full-width letters and digits made half-width, trimmed).</param>
/// <param name="Now">The user's local time in Asia/Shanghai.</param>
public sealed record PromptInput(StepDefinition Step, IMessageActivity Activity, string Text, IReadOnlyList<ChoiceOption> Options, DateTimeOffset Now, TextCatalog Texts)
{
    /// <summary>What the user typed, only trimmed: what is stored when the words themselves are the answer.</summary>
    public string Raw => (Activity.Text ?? "").Trim();
}

public abstract record PromptResult
{
    public sealed record Accepted(string Value, string Label) : PromptResult;

    public sealed record Rejected(string Retry) : PromptResult;

    public sealed record Ambiguous(IReadOnlyList<ChoiceOption> Candidates) : PromptResult;

    /// <summary>The step's own retry message wins over the prompt kind's generic one.</summary>
    public static Rejected Reject(PromptInput input, string generic) => new(input.Step.Retry ?? generic);
}
