namespace OutreachBot.Roster;

/// <summary>
/// 户: a rural household, its head, size, tags and phone, and the cadres paired with it. The pairings live inside
/// the household because "只做加法" is the household's rule: it is never left without a cadre.
/// </summary>
public sealed class Household
{
    public const int MaxMembers = 30;

    public Household(string id, string villageId, string headName, int members, IEnumerable<string>? tags = null, string? phone = null, string? group = null)
    {
        Id = RosterRules.Id(id, "户");
        SetDetails(villageId, headName, members, tags, phone, group);
    }

    private Household()
    {
    }

    public string Id { get; private set; } = "";

    public string VillageId { get; private set; } = "";

    /// <summary>组/寨 within the village, when the county records it.</summary>
    public string? Group { get; private set; }

    public string HeadName { get; private set; } = "";

    public int Members { get; private set; }

    /// <summary>Sensitive: see <see cref="HouseholdTags"/>.</summary>
    public IReadOnlyList<string> Tags { get; private set; } = [];

    public string? Phone { get; private set; }

    public IReadOnlyList<Pairing> Pairings { get; private set; } = [];

    public bool IsPaired => Pairings.Count > 0;

    public bool IsPairedWith(string cadreId) => Pairings.Any(p => p.CadreId == cadreId);

    /// <summary>Replaces what the roster says about the household; its pairings stay as they are.</summary>
    public void SetDetails(string villageId, string headName, int members, IEnumerable<string>? tags, string? phone, string? group)
    {
        VillageId = RosterRules.Id(villageId, "所属村");
        HeadName = RosterRules.Name(headName, "户主姓名");
        Members = members is >= 1 and <= MaxMembers
            ? members
            : throw new RosterRuleException($"家庭人口“{members}”不对，应在 1 到 {MaxMembers} 之间。");
        Tags = CheckTags(tags ?? []);
        Phone = RosterRules.Phone(phone);
        Group = RosterRules.Optional(group);
    }

    /// <summary>Adds a pairing; false when the cadre was already paired with this household.</summary>
    public bool Pair(string cadreId, DateTimeOffset since)
    {
        if (IsPairedWith(cadreId))
        {
            return false;
        }

        Pairings = [.. Pairings, new Pairing(cadreId, since)];
        return true;
    }

    /// <summary>Removes a pairing, unless it is the household's last one ("只做加法").</summary>
    public void Unpair(string cadreId)
    {
        if (!IsPairedWith(cadreId))
        {
            throw new RosterRuleException($"干部 {cadreId} 没有和户 {Id} 结对。");
        }

        if (Pairings.Count == 1)
        {
            throw new HouseholdWouldBeUnpairedException(Id);
        }

        Pairings = [.. Pairings.Where(p => p.CadreId != cadreId)];
    }

    private static List<string> CheckTags(IEnumerable<string> tags)
    {
        var result = new List<string>();
        foreach (var tag in tags.Select(t => t.Trim()).Where(t => t.Length > 0))
        {
            if (!HouseholdTags.Known.Contains(tag))
            {
                throw new RosterRuleException($"标签“{tag}”不认识，只能用：{string.Join("、", HouseholdTags.Known)}。");
            }

            if (!result.Contains(tag))
            {
                result.Add(tag);
            }
        }

        return result;
    }
}
