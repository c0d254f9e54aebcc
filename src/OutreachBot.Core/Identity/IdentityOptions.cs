namespace OutreachBot.Identity;

/// <summary>The <c>Identity</c> section of appsettings.json.</summary>
public sealed class IdentityOptions
{
    public const string Section = "Identity";

    /// <summary>How long a bind code works after it is created.</summary>
    public double BindCodeHours { get; set; } = 24;

    /// <summary>Wrong codes a chat user may send within <see cref="FailedAttemptWindowMinutes"/> before being told to wait.</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    public double FailedAttemptWindowMinutes { get; set; } = 60;

    /// <summary>
    /// Wrong codes from everyone together within <see cref="CountyFailedAttemptWindowMinutes"/> before all binding
    /// pauses. The per-user limit alone is undone by a new user id per guess; a county's cadres mistyping during a
    /// busy rollout stay well below this.
    /// </summary>
    public int CountyMaxFailedAttempts { get; set; } = 30;

    public double CountyFailedAttemptWindowMinutes { get; set; } = 10;
}
