using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OutreachBot.Scheduling;

/// <summary>
/// The one background loop for timed work: on start and then every tick it runs each registered
/// <see cref="IScheduledJob"/> with the current time of the injected <see cref="TimeProvider"/>. Ticks never overlap
/// (a tick called directly, as tests do, waits for a running one); a failing job is logged and the others still run.
/// </summary>
public sealed class Scheduler(IEnumerable<IScheduledJob> jobs, TimeProvider clock, IOptions<SchedulerOptions> options, ILogger<Scheduler> logger)
    : BackgroundService
{
    private readonly IReadOnlyList<IScheduledJob> _jobs = [.. jobs];
    private readonly SemaphoreSlim _tick = new(1, 1);

    public IReadOnlyList<IScheduledJob> Jobs => _jobs;

    /// <summary>Runs every job once, at the clock's current time.</summary>
    public async Task TickAsync(CancellationToken cancellationToken = default)
    {
        await _tick.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = clock.GetUtcNow();
            foreach (var job in _jobs)
            {
                try
                {
                    await job.RunAsync(now, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Scheduled job {Job} failed at {Now}; it runs again next tick", job.Name, now);
                }
            }
        }
        finally
        {
            _tick.Release();
        }
    }

    public override void Dispose()
    {
        _tick.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled || _jobs.Count == 0)
        {
            logger.LogInformation("Scheduler not running (enabled: {Enabled}, jobs: {Jobs})", settings.Enabled, _jobs.Count);
            return;
        }

        var interval = settings.TickInterval > TimeSpan.Zero ? settings.TickInterval : new SchedulerOptions().TickInterval;
        using var timer = new PeriodicTimer(interval, clock);
        try
        {
            do
            {
                await TickAsync(stoppingToken).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
