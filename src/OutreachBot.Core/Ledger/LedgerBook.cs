namespace OutreachBot.Ledger;

/// <summary>The three 民情台账: each entry belongs to one, and its tracking number starts with the ledger's prefix.</summary>
public enum LedgerBook
{
    /// <summary>民生诉求 (MS): what villagers ask for.</summary>
    LivelihoodRequests,

    /// <summary>困难群众 (KN): households in difficulty, raised by their cadres.</summary>
    HouseholdsInDifficulty,

    /// <summary>稳定工作 (WD): disputes and tensions.</summary>
    Stability,
}

public static class LedgerBooks
{
    public static string Prefix(this LedgerBook book) => book switch
    {
        LedgerBook.HouseholdsInDifficulty => "KN",
        LedgerBook.Stability => "WD",
        _ => "MS",
    };

    public static string ChineseName(this LedgerBook book) => book switch
    {
        LedgerBook.HouseholdsInDifficulty => "困难群众",
        LedgerBook.Stability => "稳定工作",
        _ => "民生诉求",
    };

    public static LedgerBook? FromPrefix(string prefix) => prefix.ToUpperInvariant() switch
    {
        "MS" => LedgerBook.LivelihoodRequests,
        "KN" => LedgerBook.HouseholdsInDifficulty,
        "WD" => LedgerBook.Stability,
        _ => null,
    };
}
