using OutreachBot.Identity;
using OutreachBot.Tests.Roster;
using OutreachBot.Visits;
using OutreachBot.Storage.LiteDb.Visits;

namespace OutreachBot.Tests.Visits;

/// <summary>
/// Who may log a visit for whom. In the demo county H0101001 (王德明, 青岩村) is paired only with 林文涛 (C101),
/// 青岩村's first secretary; H0101015 (郭文秀, 青岩村) only with the helping cadre 谢开明 (C301).
/// </summary>
public sealed class VisitPermissionTests : IDisposable
{
    private readonly DemoCounty _county = new();

    public void Dispose() => _county.Dispose();

    private DateTimeOffset Yesterday => _county.Clock.GetUtcNow().AddDays(-1);

    private LogVisitResult Log(UserIdentity who, string householdId, VisitNotes? notes = null, DateTimeOffset? at = null) =>
        _county.Visits.LogVisit(who, new LogVisitRequest(householdId, at ?? Yesterday, VisitKind.HomeVisit, notes));

    [Fact]
    public void A_paired_cadre_logs_a_visit_with_its_four_notes()
    {
        var notes = new VisitNotes("村里在修通组路", "老两口身体还好，孙子在县城上学", "想学种羊肚菌", "  房顶漏雨  ");

        var result = _county.Visits.LogVisit(_county.Cadre("C101"), new LogVisitRequest("H0101001", Yesterday, VisitKind.Relief, notes, "https://example.invalid/p/1.jpg"));

        Assert.True(result.Logged);
        var stored = Assert.Single(_county.Visits.VisitsTo(_county.Cadre("C101"), "H0101001"));
        Assert.Equal(notes with { Problems = "房顶漏雨" }, stored.Notes);
        Assert.Equal((VisitKind.Relief, "V0101", "https://example.invalid/p/1.jpg"), (stored.Kind, stored.VillageId, stored.Photo));
        Assert.Equal(Yesterday, stored.At);
        Assert.Equal(_county.Clock.GetUtcNow(), stored.RecordedAt);
        Assert.Equal("test|user-C101", stored.RecordedBy);
    }

    [Fact]
    public void Every_note_may_be_skipped()
    {
        var result = Log(_county.Cadre("C101"), "H0101001", new VisitNotes("", null, "  ", null));

        Assert.True(result.Logged);
        Assert.True(result.Visit!.Notes.IsEmpty);
    }

    [Fact]
    public void A_helping_cadre_not_paired_with_the_household_is_refused_and_nothing_is_stored()
    {
        var helper = _county.Cadre("C303");

        var result = Log(helper, "H0101001");

        Assert.Equal(VisitRefusal.NotPaired, result.Refusal);
        Assert.Empty(_county.Database.GetCollection(LiteDbVisitRecords.CollectionName).FindAll());
    }

    [Fact]
    public void The_villages_first_secretary_may_log_for_a_household_paired_with_someone_else()
    {
        Assert.True(Log(_county.Cadre("C101"), "H0101015").Logged);
    }

    [Fact]
    public void Another_villages_first_secretary_and_the_work_team_member_may_not()
    {
        Assert.Equal(VisitRefusal.NotPaired, Log(_county.Cadre("C102"), "H0101015").Refusal);
        Assert.Equal(VisitRefusal.NotPaired, Log(_county.Cadre("C201"), "H0101015").Refusal);
    }

    [Fact]
    public void A_county_leader_may_log_for_any_household()
    {
        Assert.True(Log(_county.Cadre("C001"), "H0302012").Logged);
    }

    [Fact]
    public void A_resident_is_refused_and_sees_no_household()
    {
        var villager = _county.Resident();

        Assert.Equal(VisitRefusal.NotACadre, _county.Visits.Check(villager));
        Assert.Equal(VisitRefusal.NotACadre, Log(villager, "H0101001").Refusal);
        Assert.Equal(VisitRefusal.NotACadre, Assert.Throws<VisitRefusedException>(() => _county.Visits.MyHouseholds(villager)).Reason);
        Assert.Throws<VisitRefusedException>(() => _county.Visits.FindHouseholds(villager, "王德明"));
        Assert.Throws<VisitRefusedException>(() => _county.Visits.MonthSummary(villager));
        Assert.Throws<VisitRefusedException>(() => _county.Visits.VisitsTo(villager, "H0101001"));
    }

    [Fact]
    public void Staff_and_a_claimed_cadre_identity_not_on_the_roster_are_refused()
    {
        var forged = new UserIdentity("test", "x", Role.Cadre, "C999", "冒名");

        Assert.Equal(VisitRefusal.NotACadre, Log(_county.StaffMember("S02"), "H0101001").Refusal);
        Assert.Equal(VisitRefusal.NotACadre, Log(forged, "H0101001").Refusal);
    }

    [Fact]
    public void An_unknown_household_a_visit_in_the_future_and_an_endless_note_are_refused()
    {
        var cadre = _county.Cadre("C101");
        var now = _county.Clock.GetUtcNow();

        Assert.Equal(VisitRefusal.UnknownHousehold, Log(cadre, "H9999999").Refusal);
        Assert.Equal(VisitRefusal.InFuture, Log(cadre, "H0101001", at: now.AddHours(2)).Refusal);
        Assert.True(Log(cadre, "H0101001", at: now.AddMinutes(5)).Logged, "a phone clock a few minutes ahead is fine");
        Assert.Equal(VisitRefusal.NoteTooLong, Log(cadre, "H0101001", new VisitNotes(Problems: new string('漏', VisitNotes.MaxLength + 1))).Refusal);
    }

    [Theory]
    [InlineData(VisitRefusal.NotACadre, "绑定 12345678")]
    [InlineData(VisitRefusal.NotPaired, "不是您的结对户")]
    [InlineData(VisitRefusal.UnknownHousehold, "没找到这一户")]
    [InlineData(VisitRefusal.InFuture, "不能晚于现在")]
    [InlineData(VisitRefusal.NoteTooLong, "太长")]
    public void Every_refusal_has_a_plain_chinese_explanation(VisitRefusal refusal, string expected)
    {
        Assert.Contains(expected, _county.Replies.Explain(refusal), StringComparison.Ordinal);
    }
}
