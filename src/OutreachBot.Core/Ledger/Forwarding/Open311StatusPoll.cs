using Microsoft.Extensions.Logging;

namespace OutreachBot.Ledger.Forwarding;

/// <summary>
/// Reads back from the Open311 back-end the requests it holds for our open entries; a request it closed resolves
/// the entry with its status notes, and the reporter is asked for their satisfaction as after any close-out.
/// </summary>
public sealed class Open311StatusPoll(ILedgerStore store, LedgerService ledger, Open311StatusReader reader, FollowUps followUps, ILogger<Open311StatusPoll> logger)
{
    public async Task<int> PollAsync(CancellationToken cancellationToken)
    {
        var resolved = 0;
        foreach (var entry in store.All().Where(e => e.ExternalId is not null && e.Status is EntryStatus.Assigned or EntryStatus.InProgress).ToList())
        {
            try
            {
                if (await reader.ReadAsync(entry.ExternalId!, cancellationToken).ConfigureAwait(false) is { Closed: true } status
                    && ledger.ResolveExternally(entry.Id, string.IsNullOrWhiteSpace(status.Notes) ? "外部系统已办结" : status.Notes, "open311") is { } closed)
                {
                    await followUps.AfterCloseOutAsync(closed, cancellationToken).ConfigureAwait(false);
                    resolved++;
                }
            }
            catch (HttpRequestException e)
            {
                logger.LogWarning("Open311 status of {Entry} could not be read: {Error}", entry.Id, e.Message);
            }
        }

        return resolved;
    }
}
