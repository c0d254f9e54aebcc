using LiteDB;
using OutreachBot.Ledger;

namespace OutreachBot.Storage.LiteDb.Ledger;

/// <summary>Routing rules in the "ledger_routing" collection, keyed "scope|kind".</summary>
public sealed class LiteDbRoutingRules(ILiteDatabase database) : IRoutingRules
{
    public const string CollectionName = "ledger_routing";

    private readonly ILiteCollection<RoutingRule> _rules = database.GetCollection<RoutingRule>(CollectionName);

    public RoutingRule? Find(string scope, string kind) => _rules.FindById(RoutingRule.KeyOf(scope, kind));

    public void Save(RoutingRule rule) => _rules.Upsert(rule);

    public IReadOnlyList<RoutingRule> All() => [.. _rules.FindAll()];

    public int Count() => _rules.Count();
}
