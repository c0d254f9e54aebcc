namespace OutreachBot.Ledger.Forwarding;

/// <summary>
/// Receives every new entry and every status change, through the outbox: delivery is retried until the adapter
/// says it is done, so an adapter must accept the same <see cref="LedgerEvent.Key"/> twice without harm.
/// </summary>
public interface ILedgerAdapter
{
    /// <summary>The name used in configuration (Ledger:Adapters) and in outbox records.</summary>
    string Name { get; }

    /// <returns>An id the external ledger gave the entry, if it gave one.</returns>
    Task<string?> DeliverAsync(LedgerEvent ledgerEvent, CancellationToken cancellationToken);
}
