namespace OutreachBot.Ledger.Forwarding;

/// <summary>Wakes the outbox dispatcher after a save queued events, so delivery does not wait for the next poll.</summary>
public sealed class OutboxSignal(TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0);

    public void Signal()
    {
        if (_signal.CurrentCount == 0)
        {
            _signal.Release();
        }
    }

    /// <summary>Waits for a signal or the timeout (on the injected clock, so tests can move time).</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var signalled = _signal.WaitAsync(either.Token);
        var delay = Task.Delay(timeout, clock, either.Token);
        await Task.WhenAny(signalled, delay).ConfigureAwait(false);
        await either.CancelAsync().ConfigureAwait(false);
        try
        {
            await signalled.ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return false;
        }
    }

    public void Dispose() => _signal.Dispose();
}
