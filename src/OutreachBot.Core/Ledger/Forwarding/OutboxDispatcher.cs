using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OutreachBot.Ledger.Forwarding;

/// <summary>
/// Delivers outbox records to their adapters in order, one entry's events strictly one after another; a failed
/// delivery is retried with exponential backoff (kept in the database, so it survives restarts). Retries are ours
/// rather than an HTTP resilience handler's because they must outlive the process.
/// </summary>
public sealed class OutboxDispatcher(
    ILedgerOutbox outbox,
    OutboxSignal signal,
    ILedgerStore store,
    IEnumerable<ILedgerAdapter> adapters,
    IOptions<ForwardingOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private readonly Dictionary<string, ILedgerAdapter> _adapters = adapters.ToDictionary(a => a.Name, StringComparer.OrdinalIgnoreCase);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DeliverDueAsync(stoppingToken);
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // A pass that fails outside a delivery (the database busy or failing) must not end forwarding for
                // the life of the process: the records stay in the outbox and the next pass takes them.
                logger.LogError("Ledger forwarding pass failed ({Error}); trying again", e.GetType().Name);
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>One pass over the due records; returns how many were delivered.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var delivered = 0;
        var held = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in outbox.Pending())
        {
            var lane = record.Adapter + "|" + record.EntryId;
            if (held.Contains(lane) || record.NextAttemptAt > clock.GetUtcNow())
            {
                held.Add(lane);
                continue;
            }

            if (await TryDeliverAsync(record, cancellationToken))
            {
                delivered++;
            }
            else
            {
                held.Add(lane);
            }
        }

        return delivered;
    }

    private async Task<bool> TryDeliverAsync(OutboxRecord record, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var attempt = record.Attempts + 1;
        try
        {
            if (!_adapters.TryGetValue(record.Adapter, out var adapter))
            {
                throw new InvalidOperationException($"No ledger adapter named '{record.Adapter}' is registered.");
            }

            var externalId = await adapter.DeliverAsync(record.Event, cancellationToken);

            // Recorded before the entry is touched: should that save fail, the delivery still stands (a back-end
            // such as Open311 would otherwise get the same request again) and the error is noted beside it.
            outbox.MarkDelivered(record, attempt, now, clock.GetUtcNow(), externalId);
            if (externalId is not null && store.Find(record.EntryId) is { } entry && entry.ExternalId is null)
            {
                entry.ExternalId = externalId;
                store.Save(entry);
            }

            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            outbox.MarkFailed(record, attempt, now, $"{e.GetType().Name}: {e.Message}", now + Backoff(attempt));
            logger.LogWarning("Ledger adapter {Adapter} failed for {Key} (attempt {Attempt}): {Error}", record.Adapter, record.Event.Key, attempt, e.GetType().Name);
            return false;
        }
    }

    private TimeSpan Backoff(int attempts)
    {
        var settings = options.Value;
        var exponential = settings.FirstRetry * Math.Pow(2, Math.Min(attempts - 1, 20));
        var capped = exponential < settings.MaxRetry ? exponential : settings.MaxRetry;

        // Jitter spreads retries of many records after an outage.
        return capped * (0.8 + (Random.Shared.NextDouble() * 0.4));
    }
}
