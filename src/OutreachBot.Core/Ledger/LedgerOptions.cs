namespace OutreachBot.Ledger;

/// <summary>The <c>Ledger</c> section of appsettings.json.</summary>
public sealed class LedgerOptions
{
    public const string Section = "Ledger";

    /// <summary>Days to deal with an entry of a kind (交办时限); kinds not listed get <see cref="DefaultDays"/>.</summary>
    public Dictionary<string, int> TimeLimits { get; set; } = [];

    public int DefaultDays { get; set; } = 7;

    /// <summary>Who gets an entry no routing rule covers.</summary>
    public string DefaultUnit { get; set; } = "县群众工作中心";

    /// <summary>Kinds that go to the 稳定工作 ledger.</summary>
    public List<string> StabilityKinds { get; set; } = ["矛盾纠纷"];

    public int DuplicateWindowDays { get; set; } = 14;

    /// <summary>The reporter is asked again once if they have not answered the follow-up after this long.</summary>
    public TimeSpan FollowUpRepeatAfter { get; set; } = TimeSpan.FromDays(2);

    public TimeSpan TimeLimit(string kind) => TimeSpan.FromDays(TimeLimits.GetValueOrDefault(kind, DefaultDays));
}
