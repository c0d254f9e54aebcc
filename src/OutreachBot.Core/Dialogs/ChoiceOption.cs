namespace OutreachBot.Dialogs;

/// <summary>A choice: the value stored in the slot, the label shown, and other words that mean it.</summary>
public sealed record ChoiceOption(string Value, string Label, IReadOnlyList<string>? Also = null)
{
    public static ChoiceOption Of(string label) => new(label, label);
}
