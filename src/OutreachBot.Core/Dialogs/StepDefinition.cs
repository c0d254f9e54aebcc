namespace OutreachBot.Dialogs;

public enum StepType
{
    Ask,
    Say,
    Review,
    Do,
}

/// <summary>One step of a dialog file: a prompt that fills a slot, a message, the read-back, or a named action.</summary>
public sealed class StepDefinition
{
    public required StepType Type { get; init; }

    public required int Line { get; init; }

    /// <summary>For Ask: the prompt kind (text, choice, ...). For Do: the action name.</summary>
    public string Kind { get; init; } = "";

    public string? Slot { get; init; }

    /// <summary>How the slot is named when answers are read back.</summary>
    public string? Label { get; init; }

    /// <summary>The question (Ask), the message (Say) or the read-back heading (Review).</summary>
    public string Text { get; init; } = "";

    public string? Retry { get; init; }

    public string? Help { get; init; }

    public bool Optional { get; init; }

    public bool HandOff { get; init; } = true;

    public StepCondition? When { get; init; }

    public IReadOnlyList<ChoiceOption> Options { get; init; } = [];

    public string? OptionsFrom { get; init; }

    public int? Min { get; init; }

    public int? Max { get; init; }

    /// <summary>For dates: which reading wins when a typed date is ambiguous ("7月3号" last or next July).</summary>
    public string Prefer { get; init; } = "past";

    public bool IsPrompt => Type == StepType.Ask;
}
