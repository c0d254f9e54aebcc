namespace OutreachBot.Identity;

public enum BindOutcome
{
    Bound,
    UnknownCode,
    Expired,
    AlreadyUsed,

    /// <summary>Too many wrong codes from this chat user lately; the code was not even looked at.</summary>
    TooManyAttempts,

    /// <summary>Too many wrong codes county-wide lately (someone may be guessing); binding is paused for everyone.</summary>
    Paused,
}

/// <summary>
/// What "绑定 12345678" did: on success, who the user now is. <see cref="PauseBegan"/> is set on the one wrong code
/// that reached the county-wide limit, so staff are told once per pause, not on every refused attempt.
/// </summary>
public sealed record BindResult(BindOutcome Outcome, UserIdentity? Identity = null, bool PauseBegan = false)
{
    public bool Succeeded => Outcome == BindOutcome.Bound;
}

/// <summary>A code just created, to be handed to the person; <see cref="Code"/> is not stored anywhere.</summary>
public sealed record IssuedBindCode(string Code, Role Role, string PersonId, string PersonName, DateTimeOffset ExpiresAt);
