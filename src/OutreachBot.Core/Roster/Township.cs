namespace OutreachBot.Roster;

/// <summary>乡/镇.</summary>
public sealed class Township
{
    public Township(string id, string name)
    {
        Id = RosterRules.Id(id, "乡镇");
        Name = RosterRules.Name(name, "乡镇名称");
    }

    private Township()
    {
    }

    public string Id { get; private set; } = "";

    public string Name { get; private set; } = "";
}
