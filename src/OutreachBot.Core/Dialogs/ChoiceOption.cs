namespace OutreachBot.Dialogs;

/// <summary>A choice: the value stored in the slot, the label shown, and other words that mean it.</summary>
public sealed record ChoiceOption(string Value, string Label, IReadOnlyList<string>? Also = null)
{
    /// <summary>
    /// Kept as an array: a collection expression typed IReadOnlyList makes a compiler-generated list that the state
    /// serializer can write but not read back, and candidates of an ambiguous answer are saved in the dialog state.
    /// </summary>
    public IReadOnlyList<string>? Also { get; init; } = Also?.ToArray();

    public static ChoiceOption Of(string label) => new(label, label);
}
