namespace OutreachBot.Ledger;

/// <summary>Routing as data: which unit an entry is assigned to, editable by staff, seeded from seeds/routing.csv.</summary>
public sealed class RoutingTable(IRoutingRules rules)
{
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
                if (rules.Find(scope, kindKey) is { } rule)
                {
                    return rule.Unit;
                }
            }
        }

        return null;
    }

    public void Set(string scope, string kind, string unit, string by) => rules.Save(new RoutingRule
    {
        Id = RoutingRule.KeyOf(scope, kind),
        Scope = scope,
        Kind = kind,
        Unit = unit.Trim(),
        UpdatedBy = by,
    });

    public IReadOnlyList<RoutingRule> All() => [.. rules.All().OrderBy(r => r.Scope).ThenBy(r => r.Kind)];

    public int Count() => rules.Count();
}
