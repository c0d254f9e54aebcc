namespace OutreachBot.Roster;

/// <summary>
/// The labels a household may carry. They describe poverty, disability and relief status: sensitive, shown only to
/// roles that may see them and never logged.
/// </summary>
public static class HouseholdTags
{
    public const string Registered = "建档立卡";
    public const string MinimumLiving = "低保";
    public const string Disability = "残疾";
    public const string FiveGuarantees = "五保";
    public const string OutOfPoverty = "已脱贫";
    public const string ExtremeHardship = "特困";

    public static IReadOnlyList<string> Known { get; } = [Registered, MinimumLiving, Disability, FiveGuarantees, OutOfPoverty, ExtremeHardship];

    /// <summary>Separators people use in one spreadsheet cell: 、 ; ； | and commas.</summary>
    public static IReadOnlyList<string> Split(string? cell) =>
        string.IsNullOrWhiteSpace(cell)
            ? []
            : cell.Split(['、', ';', '；', '|', ',', '，', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
