namespace OutreachBot.Dialogs;

/// <summary>
/// When a step runs: "slot" (filled), "!slot" (empty), "slot == 值" or "slot != 值". Deliberately tiny:
/// dialog files are edited by staff, and anything richer belongs in an action.
/// </summary>
public sealed record StepCondition(string Slot, string Operator, string? Value)
{
    public static StepCondition? Parse(string text)
    {
        text = text.Trim();
        foreach (var op in new[] { "==", "!=" })
        {
            var at = text.IndexOf(op, StringComparison.Ordinal);
            if (at > 0)
            {
                return Valid(text[..at].Trim(), op, text[(at + 2)..].Trim().Trim('\'', '"'));
            }
        }

        return text.StartsWith('!') ? Valid(text[1..].Trim(), "empty", null) : Valid(text, "filled", null);
    }

    public bool IsMet(IReadOnlyDictionary<string, string> slots)
    {
        slots.TryGetValue(Slot, out var value);
        return Operator switch
        {
            "filled" => !string.IsNullOrEmpty(value),
            "empty" => string.IsNullOrEmpty(value),
            "==" => value == Value,
            _ => value != Value,
        };
    }

    private static StepCondition? Valid(string slot, string op, string? value) =>
        slot.Length > 0 && slot.All(c => char.IsLetterOrDigit(c) || c is '_' or '-' or '.') ? new StepCondition(slot, op, value) : null;
}
