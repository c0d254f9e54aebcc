namespace OutreachBot.Ledger;

/// <summary>
/// (village or township, kind) → the responsible unit. "*" as scope or kind matches any; a rule for a village
/// wins over one for its township, a rule for a kind over one for any kind.
/// </summary>
public sealed class RoutingRule
{
    public const string Any = "*";

    public string Id { get; set; } = "";

    /// <summary>A village id, a township id, or "*".</summary>
    public string Scope { get; set; } = Any;

    public string Kind { get; set; } = Any;

    public string Unit { get; set; } = "";

    public string UpdatedBy { get; set; } = "";

    public static string KeyOf(string scope, string kind) => scope + "|" + kind;
}
