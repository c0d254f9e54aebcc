namespace OutreachBot.Identity;

/// <summary>Bindings, bind codes (only their hashes) and recent wrong codes.</summary>
public interface IBindingStore
{
    /// <summary>The binding of this chat identity; the demo binding of the user id only when <paramref name="withDemo"/>.</summary>
    Binding? Find(string channelId, string userId, bool withDemo);

    IReadOnlyList<Binding> BindingsOf(string personId);

    void Save(Binding binding);

    bool Remove(string channelId, string userId);

    int RemoveDemoBindings();

    /// <summary>
    /// The random salt bind codes are hashed with, made on first use and the same ever after, so the hashes of a
    /// code stay comparable across restarts and a stolen copy of the database cannot be matched against a
    /// precomputed table.
    /// </summary>
    byte[] CodeSalt();

    BindCode? FindCode(string hash);

    /// <summary>Keeps a new code; false, keeping nothing, when a code with the same hash exists.</summary>
    bool AddCode(BindCode code);

    /// <summary>
    /// Uses the code with this hash for the binding, all together or not at all: the code is marked used by the
    /// binding's chat identity, the binding is saved, and that identity's wrong codes are forgotten. False, changing
    /// nothing, when the code is unknown or can no longer bind at <see cref="Binding.BoundAt"/> (used, perhaps by a
    /// bind that raced this one, or expired).
    /// </summary>
    bool Bind(string codeHash, Binding binding);

    /// <summary>When this chat identity (a <see cref="Binding.KeyOf"/> key) sent wrong codes, oldest first.</summary>
    IReadOnlyList<DateTimeOffset> FailedAttemptsOf(string bindingKey);

    /// <summary>When anyone in the county sent wrong codes, oldest first.</summary>
    IReadOnlyList<DateTimeOffset> CountyFailedAttempts();

    /// <summary>
    /// Counts a wrong code for the chat identity and county-wide; times at or before each cutoff are forgotten
    /// meanwhile, so the lists stay as short as their windows.
    /// </summary>
    void AddFailedAttempt(string bindingKey, DateTimeOffset at, DateTimeOffset cutoff, DateTimeOffset countyCutoff);
}
