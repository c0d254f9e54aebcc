using System.Text;
using OutreachBot.Identity;
using OutreachBot.Roster;
using OutreachBot.Tests.Roster;

namespace OutreachBot.Tests.Identity;

/// <summary>A cadre types "绑定 12345678" with the code an administrator gave them.</summary>
public sealed class BindingTests : IDisposable
{
    private readonly DemoCounty _county = new();

    public void Dispose() => _county.Dispose();

    [Fact]
    public void Everyone_is_a_resident_until_they_bind()
    {
        var someone = _county.Resolver.Resolve("wechat", "o-123");

        Assert.Equal(Role.Resident, someone.Role);
        Assert.Null(someone.PersonId);
    }

    [Fact]
    public void A_code_binds_the_cadre_once_and_a_used_code_is_refused()
    {
        var issued = _county.Identity.CreateCode(Role.Cadre, "C101");

        var bound = _county.Identity.Bind("wechat", "o-123", issued.Code);
        var again = _county.Identity.Bind("wechat", "o-456", issued.Code);

        Assert.Equal(BindOutcome.Bound, bound.Outcome);
        Assert.Equal(new UserIdentity("wechat", "o-123", Role.Cadre, "C101", "林文涛", "V0101"), bound.Identity);
        Assert.Equal(Role.Cadre, _county.Resolver.Resolve("wechat", "o-123").Role);
        Assert.Equal(BindOutcome.AlreadyUsed, again.Outcome);
        Assert.Equal(Role.Resident, _county.Resolver.Resolve("wechat", "o-456").Role);
        Assert.Equal(Role.Resident, _county.Resolver.Resolve("emulator", "o-123").Role);
    }

    [Fact]
    public void An_expired_code_is_refused()
    {
        var issued = _county.Identity.CreateCode(Role.Staff, "S02");
        Assert.Equal(_county.Clock.GetUtcNow().AddHours(24), issued.ExpiresAt);

        _county.Clock.Advance(TimeSpan.FromHours(24));
        var late = _county.Identity.Bind("wechat", "o-123", issued.Code);

        Assert.Equal(BindOutcome.Expired, late.Outcome);
        Assert.Equal(Role.Resident, _county.Resolver.Resolve("wechat", "o-123").Role);
    }

    [Fact]
    public void A_code_a_minute_before_expiry_still_works_for_staff()
    {
        var issued = _county.Identity.CreateCode(Role.Staff, "S02");

        _county.Clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromMinutes(1));
        var bound = _county.Identity.Bind("wechat", "o-123", issued.Code);

        Assert.Equal(new UserIdentity("wechat", "o-123", Role.Staff, "S02", "李晓红"), bound.Identity);
    }

    [Theory]
    [InlineData("{0}")]
    [InlineData(" {0} ")]
    [InlineData("绑定 {0}")]
    public void The_code_may_be_typed_with_spaces_or_words_around_it(string typed)
    {
        var issued = _county.Identity.CreateCode(Role.Cadre, "C101");

        Assert.True(_county.Identity.Bind("wechat", "o-1", string.Format(System.Globalization.CultureInfo.InvariantCulture, typed, issued.Code)).Succeeded);
    }

    [Fact]
    public void Full_width_digits_and_spaces_inside_the_code_are_accepted()
    {
        var issued = _county.Identity.CreateCode(Role.Cadre, "C101");
        var fullWidth = new string(issued.Code.Select(c => (char)('０' + (c - '0'))).ToArray());

        Assert.True(_county.Identity.Bind("wechat", "o-1", fullWidth[..4] + " " + fullWidth[4..]).Succeeded);
    }

    [Fact]
    public void A_wrong_code_is_unknown_and_after_five_wrong_codes_the_user_must_wait_an_hour()
    {
        var issued = _county.Identity.CreateCode(Role.Cadre, "C101");
        var wrong = issued.Code == "00000000" ? "11111111" : "00000000";

        var outcomes = Enumerable.Range(0, 5).Select(_ => _county.Identity.Bind("wechat", "guesser", wrong).Outcome).ToList();
        var blocked = _county.Identity.Bind("wechat", "guesser", issued.Code);
        _county.Clock.Advance(TimeSpan.FromMinutes(61));
        var later = _county.Identity.Bind("wechat", "guesser", issued.Code);

        Assert.All(outcomes, o => Assert.Equal(BindOutcome.UnknownCode, o));
        Assert.Equal(BindOutcome.TooManyAttempts, blocked.Outcome);
        Assert.Equal(BindOutcome.Bound, later.Outcome);
    }

    [Fact]
    public void Only_a_hash_of_the_code_is_stored()
    {
        var issued = _county.Identity.CreateCode(Role.Cadre, "C101");

        var stored = string.Concat(_county.Database.GetCollection(OutreachBot.Storage.LiteDb.Identity.LiteDbBindingStore.CodesCollection).FindAll().Select(d => d.ToString()));

        Assert.DoesNotContain(issued.Code, stored, StringComparison.Ordinal);
        Assert.Matches("^[0-9]{8}$", issued.Code);
    }

    [Fact]
    public void A_code_for_someone_not_on_the_roster_is_not_created()
    {
        Assert.Throws<RosterRuleException>(() => _county.Identity.CreateCode(Role.Cadre, "C999"));
        Assert.Throws<RosterRuleException>(() => _county.Identity.CreateCode(Role.Staff, "C101"));
    }

    [Fact]
    public void Unbinding_makes_the_user_a_resident_again()
    {
        _county.Identity.Bind("wechat", "o-1", _county.Identity.CreateCode(Role.Cadre, "C101").Code);

        Assert.True(_county.Identity.Unbind("wechat", "o-1"));
        Assert.Equal(Role.Resident, _county.Resolver.Resolve("wechat", "o-1").Role);
    }

    [Theory]
    [InlineData(BindOutcome.UnknownCode, "绑定码不对")]
    [InlineData(BindOutcome.Expired, "过期")]
    [InlineData(BindOutcome.AlreadyUsed, "用过了")]
    [InlineData(BindOutcome.TooManyAttempts, "一个小时")]
    public void Each_refusal_has_a_plain_answer(BindOutcome outcome, string expected)
    {
        var replies = new BindReplies(_county.Texts, _county.Roster);

        Assert.Contains(expected, replies.Text(new BindResult(outcome)), StringComparison.Ordinal);
    }

    [Fact]
    public void The_answer_to_a_good_code_greets_the_person_by_name()
    {
        var replies = new BindReplies(_county.Texts, _county.Roster);

        var cadre = replies.Text(_county.Identity.Bind("wechat", "o-1", _county.Identity.CreateCode(Role.Cadre, "C101").Code));
        var staff = replies.Text(_county.Identity.Bind("wechat", "o-2", _county.Identity.CreateCode(Role.Staff, "S02").Code));
        var county = replies.Text(_county.Identity.Bind("wechat", "o-3", _county.Identity.CreateCode(Role.Staff, "S01").Code));

        Assert.Contains("绑定成功！林文涛您好", cadre, StringComparison.Ordinal);
        Assert.Contains("我的联系户", cadre, StringComparison.Ordinal);
        Assert.Equal("绑定成功！李晓红您好（青岩乡）。", staff);
        Assert.Equal("绑定成功！何静您好（县级机关）。", county);
    }
}
