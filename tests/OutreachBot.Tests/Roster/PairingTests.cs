using OutreachBot.Roster;

namespace OutreachBot.Tests.Roster;

public sealed class PairingTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Removing_the_last_pairing_of_a_household_is_refused_and_it_stays_paired()
    {
        using var county = new DemoCounty();
        var only = county.Roster.FindHousehold("H0101001")!;
        Assert.Equal(["C101"], only.Pairings.Select(p => p.CadreId));

        var refused = Assert.Throws<HouseholdWouldBeUnpairedException>(() => county.Roster.Unpair("C101", "H0101001"));

        Assert.Equal("H0101001", refused.HouseholdId);
        Assert.Contains("只做加法", refused.Message, StringComparison.Ordinal);
        Assert.True(county.Roster.FindHousehold("H0101001")!.IsPairedWith("C101"));
    }

    [Fact]
    public void With_a_second_cadre_paired_the_first_pairing_can_be_removed()
    {
        using var county = new DemoCounty();

        Assert.True(county.Roster.Pair("C301", "H0101001", Now));
        county.Roster.Unpair("C101", "H0101001");

        Assert.Equal(["C301"], county.Roster.FindHousehold("H0101001")!.Pairings.Select(p => p.CadreId));
        Assert.Throws<HouseholdWouldBeUnpairedException>(() => county.Roster.Unpair("C301", "H0101001"));
    }

    [Fact]
    public void Pairing_twice_adds_nothing_and_unknown_people_are_refused()
    {
        using var county = new DemoCounty();

        Assert.False(county.Roster.Pair("C101", "H0101001", Now));
        Assert.Single(county.Roster.FindHousehold("H0101001")!.Pairings);
        Assert.Throws<RosterRuleException>(() => county.Roster.Pair("C999", "H0101001", Now));
        Assert.Throws<RosterRuleException>(() => county.Roster.Pair("C101", "H9999999", Now));
        Assert.Throws<RosterRuleException>(() => county.Roster.Unpair("C301", "H0101001"));
    }

    [Fact]
    public void A_cadres_households_come_from_the_pairing_index()
    {
        using var county = new DemoCounty();

        var mine = county.Roster.HouseholdsOf("C101").Select(h => h.Id).Order(StringComparer.Ordinal);

        Assert.Equal(Enumerable.Range(1, 8).Select(i => $"H0101{i:D3}"), mine);
    }

    [Theory]
    [InlineData("13812345678", "13812345678")]
    [InlineData("138 1234 5678", "13812345678")]
    [InlineData("+86 138-1234-5678", "13812345678")]
    [InlineData("", null)]
    public void Household_phones_are_mainland_mobile_numbers(string typed, string? stored)
    {
        var household = new Household("H1", "V1", "王德明", 3, phone: typed);

        Assert.Equal(stored, household.Phone);
    }

    [Theory]
    [InlineData("12812345678")]
    [InlineData("1381234567")]
    [InlineData("023-12345678")]
    [InlineData("一三八")]
    public void A_bad_phone_is_refused(string typed) =>
        Assert.Throws<RosterRuleException>(() => new Household("H1", "V1", "王德明", 3, phone: typed));

    [Fact]
    public void Stationed_cadres_need_a_village_and_tags_must_be_known()
    {
        Assert.Throws<RosterRuleException>(() => new Cadre("C1", "林文涛", "县农业农村局", CadreRole.FirstSecretary));
        Assert.Throws<RosterRuleException>(() => new Household("H1", "V1", "王德明", 3, ["贫困"]));
        Assert.Equal(["低保", "残疾"], new Household("H1", "V1", "王德明", 3, HouseholdTags.Split("低保、残疾；低保")).Tags);
    }
}
