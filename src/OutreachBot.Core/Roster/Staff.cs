namespace OutreachBot.Roster;

/// <summary>工作人员 of a township office or of the county (no township).</summary>
public sealed class Staff
{
    /// <summary>How the county office is written in the office column of a spreadsheet.</summary>
    public static readonly IReadOnlyList<string> CountyOfficeNames = ["county", "县", "县级", "县级机关"];

    /// <param name="office">a township id, or "county" (also 县, 县级, 县级机关) for the county office</param>
    public Staff(string id, string name, string office)
    {
        Id = RosterRules.Id(id, "工作人员");
        Name = RosterRules.Name(name, "工作人员姓名");
        var given = RosterRules.Optional(office) ?? throw new RosterRuleException("缺少所在单位：填乡镇编号，县级机关填“县”。");
        TownshipId = CountyOfficeNames.Contains(given, StringComparer.OrdinalIgnoreCase) ? null : RosterRules.Id(given, "所在乡镇");
    }

    private Staff()
    {
    }

    public string Id { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>The township office they work in; null for the county office.</summary>
    public string? TownshipId { get; private set; }

    public bool IsCountyOffice => TownshipId is null;
}
