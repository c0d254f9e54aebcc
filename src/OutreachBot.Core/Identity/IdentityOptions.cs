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
}
