namespace OutreachBot.Identity;

/// <summary>
/// A one-time code an administrator gives a cadre or staff member so they can bind their chat identity.
/// Only a slow hash of the code is stored (<see cref="Id"/>); the code itself is shown once, on the command line.
/// </summary>
public sealed class BindCode
{
    public BindCode(string hash, Role role, string personId, DateTimeOffset createdAt, DateTimeOffset expiresAt)
    {
        if (role == Role.Resident)
        {
            throw new ArgumentException("A code binds a cadre or a staff member.", nameof(role));
        }

        Id = hash;
        Role = role;
        PersonId = personId;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
    }

    private BindCode()
    {
    }

    public string Id { get; private set; } = "";

    public Role Role { get; private set; }

    public string PersonId { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    /// <summary>The binding key (channel|user) that used the code.</summary>
    public string? UsedBy { get; private set; }

    /// <summary>Whether the code may bind now: it works once, and not after it expires.</summary>
    public BindOutcome Check(DateTimeOffset now) =>
        UsedAt is not null ? BindOutcome.AlreadyUsed
        : now >= ExpiresAt ? BindOutcome.Expired
        : BindOutcome.Bound;

    public void MarkUsed(DateTimeOffset now, string bindingKey)
    {
        if (Check(now) != BindOutcome.Bound)
        {
            throw new InvalidOperationException("A used or expired code cannot be used.");
        }

        UsedAt = now;
        UsedBy = bindingKey;
    }
}
