using OutreachBot.Identity;

namespace OutreachBot.Dialogs;

/// <summary>A dialog as read from its file in dialogs/.</summary>
public sealed class DialogDefinition
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required string File { get; init; }

    public IReadOnlySet<Role> Roles { get; init; } = new HashSet<Role> { Role.Resident, Role.Cadre, Role.Staff };

    public IReadOnlyList<string> Triggers { get; init; } = [];

    /// <summary>Position in the numbered main menu; null keeps the dialog out of the menu.</summary>
    public int? Menu { get; init; }

    public string? Help { get; init; }

    public required IReadOnlyList<StepDefinition> Steps { get; init; }

    /// <summary>
    /// Changes when the structure changes (steps, slots, kinds, options), not when wording does: saved state from
    /// another structure restarts the dialog; a reworded question carries on.
    /// </summary>
    public required string Fingerprint { get; init; }

    public bool AllowedFor(Role role) => Roles.Contains(role);

    public StepDefinition? StepForSlot(string slot) => Steps.FirstOrDefault(s => s.IsPrompt && s.Slot == slot);
}
