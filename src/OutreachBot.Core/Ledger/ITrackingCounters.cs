namespace OutreachBot.Ledger;

/// <summary>
/// The per-ledger, per-day sequences behind tracking numbers, kept in the database so a restart never reuses one.
/// </summary>
public interface ITrackingCounters
{
    /// <summary>
    /// Adds one to the named counter and returns its new value (1 for a new counter), atomically: callers at the same
    /// time never get the same value, and none is skipped.
    /// </summary>
    int Increment(string counter);
}
