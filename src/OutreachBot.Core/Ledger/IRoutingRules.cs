namespace OutreachBot.Ledger;

/// <summary>Where the routing rules are kept, one per (scope, kind); <see cref="RoutingTable"/> decides which applies.</summary>
public interface IRoutingRules
{
    RoutingRule? Find(string scope, string kind);

    /// <summary>Inserts the rule or replaces the one with the same scope and kind.</summary>
    void Save(RoutingRule rule);

    IReadOnlyList<RoutingRule> All();

    int Count();
}
