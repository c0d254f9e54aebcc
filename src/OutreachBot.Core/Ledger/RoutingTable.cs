using LiteDB;

namespace OutreachBot.Ledger;

/// <summary>Routing as data: which unit an entry is assigned to, editable by staff, seeded from seeds/routing.csv.</summary>
public sealed class RoutingTable(ILiteDatabase database)
{
    private readonly ILiteCollection<RoutingRule> _rules = database.GetCollection<RoutingRule>("ledger_routing");

    public string? Resolve(string villageId, string? townshipId, string kind)
    {
        foreach (var scope in new[] { villageId, townshipId, RoutingRule.Any })
        {
            if (scope is null)
            {
                continue;
            }

            foreach (var kindKey in new[] { kind, RoutingRule.Any })
            {
                if (_rules.FindById(RoutingRule.KeyOf(scope, kindKey)) is { } rule)
                {
                    return rule.Unit;
                }
            }
        }

        return null;
    }

    public void Set(string scope, string kind, string unit, string by) => _rules.Upsert(new RoutingRule
    {
        Id = RoutingRule.KeyOf(scope, kind),
        Scope = scope,
        Kind = kind,
        Unit = unit.Trim(),
        UpdatedBy = by,
    });

    public IReadOnlyList<RoutingRule> All() => [.. _rules.FindAll().OrderBy(r => r.Scope).ThenBy(r => r.Kind)];

    public int Count() => _rules.Count();
}
