using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OutreachBot.Scheduling;

namespace OutreachBot.Tests.Meetings;

/// <summary>The scheduler other features register periodic jobs with (the satisfaction follow-ups will).</summary>
public sealed class SchedulerTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task Running_it_ticks_every_job_at_start_and_on_each_interval_of_the_clock()
    {
        var clock = new FakeTimeProvider(Start);
        var job = new Recording("follow-ups");
        using var scheduler = new Scheduler([job], clock, Options.Create(new SchedulerOptions { TickInterval = TimeSpan.FromMinutes(5) }), NullLogger<Scheduler>.Instance);

        await scheduler.StartAsync(CancellationToken.None);
        await job.WaitForAsync(1);
        clock.Advance(TimeSpan.FromMinutes(4));
        await Task.Delay(100);
        var beforeInterval = job.Times.Count;
        clock.Advance(TimeSpan.FromMinutes(1));
        await job.WaitForAsync(2);
        clock.Advance(TimeSpan.FromMinutes(5));
        await job.WaitForAsync(3);
        await scheduler.StopAsync(CancellationToken.None);

        Assert.Equal(1, beforeInterval);
        Assert.Equal([Start, Start.AddMinutes(5), Start.AddMinutes(10)], job.Times);
    }

    [Fact]
    public async Task A_failing_job_does_not_stop_the_others()
    {
        var clock = new FakeTimeProvider(Start);
        var after = new Recording("after");
        using var scheduler = new Scheduler([new Failing(), after], clock, Options.Create(new SchedulerOptions()), NullLogger<Scheduler>.Instance);

        await scheduler.TickAsync();
        await scheduler.TickAsync();

        Assert.Equal(2, after.Times.Count);
    }

    [Fact]
    public async Task Switched_off_it_runs_no_tick_of_its_own()
    {
        var job = new Recording("off");
        using var scheduler = new Scheduler([job], new FakeTimeProvider(Start), Options.Create(new SchedulerOptions { Enabled = false }), NullLogger<Scheduler>.Instance);

        await scheduler.StartAsync(CancellationToken.None);
        await Task.Delay(100);
        await scheduler.StopAsync(CancellationToken.None);

        Assert.Empty(job.Times);
    }

    [Fact]
    public void Registering_jobs_from_several_features_gives_one_scheduler_running_them_all()
    {
        var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System);
        var configuration = new ConfigurationBuilder().Build();
        services.AddScheduledJob<FirstJob>(configuration);
        services.AddScheduledJob<SecondJob>(configuration);
        services.AddScheduledJob<FirstJob>(configuration);
        using var provider = services.BuildServiceProvider();

        var scheduler = provider.GetRequiredService<Scheduler>();

        Assert.Same(scheduler, Assert.Single(provider.GetServices<IHostedService>()));
        Assert.Equal(["first", "second"], scheduler.Jobs.Select(j => j.Name));
        Assert.Same(provider.GetRequiredService<FirstJob>(), scheduler.Jobs[0]);
    }

    private sealed class Recording(string name) : IScheduledJob
    {
        private readonly ConcurrentQueue<DateTimeOffset> _times = new();

        public string Name => name;

        public IReadOnlyList<DateTimeOffset> Times => [.. _times];

        public Task RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
        {
            _times.Enqueue(now);
            return Task.CompletedTask;
        }

        public async Task WaitForAsync(int count)
        {
            for (var i = 0; i < 200 && _times.Count < count; i++)
            {
                await Task.Delay(10);
            }
        }
    }

    private sealed class Failing : IScheduledJob
    {
        public string Name => "failing";

        public Task RunAsync(DateTimeOffset now, CancellationToken cancellationToken) => throw new InvalidOperationException("broken");
    }

    private sealed class FirstJob : IScheduledJob
    {
        public string Name => "first";

        public Task RunAsync(DateTimeOffset now, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class SecondJob : IScheduledJob
    {
        public string Name => "second";

        public Task RunAsync(DateTimeOffset now, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
