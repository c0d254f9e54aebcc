using Microsoft.Extensions.Options;
using OutreachBot.Ledger.Forwarding;
using OutreachBot.Scheduling;

namespace OutreachBot.Ledger;

/// <summary>
/// The ledger's timed work on the shared scheduler: asking reporters once more for their satisfaction, telling cadres
/// and staff about entries past their time limit, and reading back an Open311 back-end's status when one is used.
/// Each part is safe to run again: they only act on what has not been done yet.
/// </summary>
public sealed class LedgerUpkeep(FollowUps followUps, OverdueNotices overdue, Open311StatusPoll open311, IOptions<ForwardingOptions> forwarding) : IScheduledJob
{
    private DateTimeOffset _lastOpen311Poll = DateTimeOffset.MinValue;

    public string Name => "ledger upkeep";

    public async Task RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await followUps.RepeatDueAsync(cancellationToken).ConfigureAwait(false);
        await overdue.NotifyDueAsync(cancellationToken).ConfigureAwait(false);
        var settings = forwarding.Value;
        if (settings.Adapters.Contains("open311", StringComparer.OrdinalIgnoreCase) && now - _lastOpen311Poll >= settings.Open311.PollInterval)
        {
            _lastOpen311Poll = now;
            await open311.PollAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
