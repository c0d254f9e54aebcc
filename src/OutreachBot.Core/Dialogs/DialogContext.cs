using Microsoft.Bot.Builder;
using OutreachBot.Identity;
using OutreachBot.Texts;

namespace OutreachBot.Dialogs;

/// <summary>What an action or an option source sees of the conversation: who, the filled slots, and a way to speak.</summary>
public sealed class DialogContext(ITurnContext turn, UserIdentity user, DialogState state, TextCatalog texts, TimeProvider clock)
{
    public ITurnContext Turn { get; } = turn;

    public UserIdentity User { get; } = user;

    public TextCatalog Texts { get; } = texts;

    public TimeProvider Clock { get; } = clock;

    public IReadOnlyDictionary<string, string> Slots => state.Slots;

    /// <summary>
    /// The same for this step of this run of the dialog however often it runs: a turn replayed after a crash (the
    /// effect was saved, the conversation state was not) hands the action the same key, so it can refuse to act twice.
    /// </summary>
    public string IdempotencyKey => $"{state.DialogId}/{state.RunId}/{state.Step}";

    public IReadOnlyCollection<string> HandedOff => state.HandedOff;

    public string? Slot(string name) => state.Slots.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public string? Label(string name) => state.Labels.TryGetValue(name, out var label) ? label : Slot(name);

    public void Set(string name, string value, string? label = null)
    {
        state.Slots[name] = value;
        state.Labels[name] = label ?? value;
    }

    public Task SayAsync(string text, CancellationToken cancellationToken = default) =>
        Turn.SendActivityAsync(text, cancellationToken: cancellationToken);
}
