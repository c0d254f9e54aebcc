namespace OutreachBot.Ledger;

/// <summary>A move the ledger's rules forbid (closing what is not resolved, reopening what is closed, ...).</summary>
public sealed class LedgerRuleException(string message) : InvalidOperationException(message);
