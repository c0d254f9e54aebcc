namespace OutreachBot.Roster;

public enum CadreRole
{
    /// <summary>县级领导: may log a visit to any household of the county.</summary>
    CountyLeader,

    /// <summary>第一书记, stationed in one village: may log a visit to any household of that village.</summary>
    FirstSecretary,

    /// <summary>驻村工作队员, stationed in one village.</summary>
    WorkTeam,

    /// <summary>帮扶干部 from a county department, paired with households.</summary>
    HelpingCadre,
}

public static class CadreRoles
{
    private static readonly Dictionary<string, CadreRole> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        [nameof(CadreRole.CountyLeader)] = CadreRole.CountyLeader,
        [nameof(CadreRole.FirstSecretary)] = CadreRole.FirstSecretary,
        [nameof(CadreRole.WorkTeam)] = CadreRole.WorkTeam,
        [nameof(CadreRole.HelpingCadre)] = CadreRole.HelpingCadre,
        ["县级领导"] = CadreRole.CountyLeader,
        ["联系领导"] = CadreRole.CountyLeader,
        ["第一书记"] = CadreRole.FirstSecretary,
        ["驻村工作队"] = CadreRole.WorkTeam,
        ["驻村工作队员"] = CadreRole.WorkTeam,
        ["工作队员"] = CadreRole.WorkTeam,
        ["帮扶干部"] = CadreRole.HelpingCadre,
        ["结对干部"] = CadreRole.HelpingCadre,
    };

    /// <summary>Reads a role as written in a spreadsheet: the English name or the usual Chinese title.</summary>
    public static CadreRole Parse(string? value) =>
        Names.TryGetValue(value?.Trim() ?? "", out var role)
            ? role
            : throw new RosterRuleException($"身份“{value?.Trim()}”不认识，只能用：县级领导、第一书记、驻村工作队员、帮扶干部。");

    /// <summary>Roles stationed in one village, whose village must be known.</summary>
    public static bool IsStationed(this CadreRole role) => role is CadreRole.FirstSecretary or CadreRole.WorkTeam;
}
