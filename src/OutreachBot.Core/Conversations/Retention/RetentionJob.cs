using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OutreachBot.Scheduling;
using OutreachBot.Storage;

namespace OutreachBot.Conversations.Retention;

/// <summary>
/// Forgets conversation plumbing nobody has used for a configured number of days, so a flood of one-message
/// conversations (or a year of real ones) does not grow the database for ever.
/// </summary>
public sealed class RetentionJob(
    IStateRetention state,
    IConversationReferences references,
    IFailedTurns failedTurns,
    IOptions<RetentionOptions> options,
    ILogger<RetentionJob> logger) : IScheduledJob
{
    private DateTimeOffset? _lastRun;

    public string Name => "retention";

    public Task RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (_lastRun is { } last && now - last < settings.Interval)
        {
            return Task.CompletedTask;
        }

        _lastRun = now;
        var removed = new RetentionReport(
            state.ForgetUnusedSince(now.AddDays(-settings.StateDays)),
            references.ForgetUnusedSince(now.AddDays(-settings.ReferenceDays)),
            failedTurns.ForgetOlderThan(now.AddDays(-settings.FailedTurnDays)));
        if (removed.Total > 0)
        {
            logger.LogInformation(
                "Retention removed {State} bot state items, {References} conversation references and {FailedTurns} failed turns",
                removed.State, removed.References, removed.FailedTurns);
        }

        return Task.CompletedTask;
    }

    private sealed record RetentionReport(int State, int References, int FailedTurns)
    {
        public int Total => State + References + FailedTurns;
    }
}
