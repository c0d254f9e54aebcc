namespace OutreachBot.Storage;

/// <summary>Forgets bot state (half-finished dialogs, the last list shown) that nobody has used for a while.</summary>
public interface IStateRetention
{
    /// <summary>
    /// Deletes the state of conversations and users last saved before <paramref name="cutoff"/>; a user who comes back
    /// later starts from the menu. Returns how many items were deleted.
    /// </summary>
    int ForgetUnusedSince(DateTimeOffset cutoff);
}
