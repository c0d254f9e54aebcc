namespace OutreachBot.Scheduling;

/// <summary>
/// Work the scheduler runs on every tick (meeting reminders, satisfaction follow-ups). A job decides for itself what
/// is due at <paramref name="now"/> and must be safe to run again at a later tick: ticks come every
/// <see cref="SchedulerOptions.TickInterval"/>, and after a restart the first tick sees everything missed meanwhile.
/// </summary>
public interface IScheduledJob
{
    /// <summary>For logs.</summary>
    string Name { get; }

    Task RunAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
