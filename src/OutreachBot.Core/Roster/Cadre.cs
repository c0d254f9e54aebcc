namespace OutreachBot.Roster;

/// <summary>党员干部: a cadre with a unit and a role; first secretaries and work-team members have a village.</summary>
public sealed class Cadre
{
    public Cadre(string id, string name, string unit, CadreRole role, string? villageId = null)
    {
        Id = RosterRules.Id(id, "干部");
        SetDetails(name, unit, role, villageId);
    }

    private Cadre()
    {
    }

    public string Id { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>工作单位, e.g. 县旅游发展局.</summary>
    public string Unit { get; private set; } = "";

    public CadreRole Role { get; private set; }

    /// <summary>The village a first secretary or work-team member is stationed in; null for the others.</summary>
    public string? VillageId { get; private set; }

    public void SetDetails(string name, string unit, CadreRole role, string? villageId)
    {
        Name = RosterRules.Name(name, "干部姓名");
        Unit = RosterRules.Name(unit, "工作单位");
        Role = role;
        var village = RosterRules.Optional(villageId);
        if (role.IsStationed() && village is null)
        {
            throw new RosterRuleException("第一书记和驻村工作队员要填驻村的村编号。");
        }

        VillageId = village is null ? null : RosterRules.Id(village, "驻村");
    }

    /// <summary>May this cadre log a visit to a household of that village without being paired with it?</summary>
    public bool OverseesVillage(string villageId) =>
        Role == CadreRole.CountyLeader || (Role == CadreRole.FirstSecretary && VillageId == villageId);
}
