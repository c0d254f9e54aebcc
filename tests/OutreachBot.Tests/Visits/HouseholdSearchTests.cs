using OutreachBot.Tests.Roster;
using OutreachBot.Visits;

namespace OutreachBot.Tests.Visits;

/// <summary>A cadre says which household they visited by the head's name, as they would type it.</summary>
public sealed class HouseholdSearchTests : IDisposable
{
    private readonly DemoCounty _county = new();

    public void Dispose() => _county.Dispose();

    [Theory]
    [InlineData("王德明")]
    [InlineData("王德明家")]
    [InlineData(" 王 德明 ")]
    public void The_exact_name_finds_the_one_household(string typed)
    {
        var found = _county.Visits.FindHouseholds(_county.Cadre("C101"), typed);

        Assert.Equal("H0101001", found.Unambiguous?.Household.Id);
        Assert.Equal(MatchKind.Exact, found.Candidates[0].Match);
    }

    [Fact]
    public void A_sound_alike_surname_still_finds_the_household()
    {
        var found = _county.Visits.FindHouseholds(_county.Cadre("C101"), "汪德明");

        var best = found.Candidates[0];
        Assert.Equal(("H0101001", MatchKind.Similar, true), (best.Household.Id, best.Match, best.PairedWithMe));
    }

    [Fact]
    public void Part_of_a_name_offers_a_numbered_choice()
    {
        var found = _county.Visits.FindHouseholds(_county.Cadre("C101"), "秀英");

        Assert.Null(found.Unambiguous);
        Assert.Equal(["冯秀英", "张秀英"], found.Candidates.Select(c => c.Household.HeadName).Order(StringComparer.Ordinal));
        Assert.Equal(
            """
            找到 2 户，请回复序号：
            1. 冯秀英（青岩村一组）
            2. 张秀英（青岩村三组）
            """.ReplaceLineEndings("\n"),
            _county.Replies.Candidates(found).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_county_leader_gets_a_choice_between_namesakes_with_their_villages()
    {
        var found = _county.Visits.FindHouseholds(_county.Cadre("C001"), "张秀英");
        var text = _county.Replies.Candidates(found);

        Assert.Null(found.Unambiguous);
        Assert.Equal(3, found.Candidates.Count(c => c.Match == MatchKind.Exact));
        Assert.Contains("青岩村三组", text, StringComparison.Ordinal);
        Assert.Contains("花椒坪村一组", text, StringComparison.Ordinal);
        Assert.Contains("（非结对户）", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_first_secretary_finds_households_of_the_village_but_own_pairings_come_first()
    {
        var found = _county.Visits.FindHouseholds(_county.Cadre("C101"), "郭文秀");
        var both = _county.Visits.FindHouseholds(_county.Cadre("C101"), "文秀");

        Assert.Equal(("H0101015", false), (found.Unambiguous?.Household.Id, found.Unambiguous?.PairedWithMe));
        Assert.Equal("蒲文秀", both.Candidates[0].Household.HeadName);
        Assert.True(both.Candidates[0].PairedWithMe);
    }

    [Fact]
    public void A_helping_cadre_only_searches_their_own_households()
    {
        var found = _county.Visits.FindHouseholds(_county.Cadre("C303"), "王德明");

        Assert.DoesNotContain(found.Candidates, c => c.Household.Id == "H0101001");
    }

    [Fact]
    public void Nothing_similar_is_a_plain_not_found()
    {
        var found = _county.Visits.FindHouseholds(_county.Cadre("C101"), "欧阳娜娜");

        Assert.Empty(found.Candidates);
        Assert.Contains("没找到户主叫“欧阳娜娜”的联系户", _county.Replies.Candidates(found), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("王德明", "汪德明", 0.5)]
    [InlineData("王德明", "王得明", 0.5)]
    [InlineData("王德明", "李德明", 1)]
    [InlineData("扎西卓玛", "扎西卓马", 0.5)]
    [InlineData("王德明", "王明", 1)]
    public void Similar_characters_cost_half_a_mistake(string a, string b, double expected)
    {
        Assert.Equal(expected, HouseholdMatcher.Distance(a, b));
    }
}
