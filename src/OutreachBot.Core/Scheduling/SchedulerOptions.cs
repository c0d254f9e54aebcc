namespace OutreachBot.Scheduling;

/// <summary>The <c>Scheduler</c> section of appsettings.json.</summary>
public sealed class SchedulerOptions
{
    public const string Section = "Scheduler";

    /// <summary>Off: no tick runs on its own (jobs can still be run by calling <see cref="Scheduler.TickAsync"/>).</summary>
    public bool Enabled { get; set; } = true;

    public TimeSpan TickInterval { get; set; } = TimeSpan.FromMinutes(1);
}
