using OutreachBot.Ledger;

namespace OutreachBot.Tests.Ledger;

public class LedgerEntryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.FromHours(8));

    private static LedgerEntry NewEntry() => new(
        "MS20261127-0001", LedgerBook.LivelihoodRequests, "饮水", "三组的自来水停了三天了", new Reporter("wechat", "openid-1"),
        "v-raolacun", "绕拉村", Now, Now.AddDays(3));

    [Fact]
    public void The_whole_life_of_an_entry_is_recorded_step_by_step()
    {
        var entry = NewEntry();

        entry.Assign("县水务局", "c-01", "system", Now);
        entry.StartWork("c-01", Now.AddHours(1));
        entry.Resolve("换了水泵，已经通水", "c-01", Now.AddDays(1));
        entry.RecordSatisfaction(Satisfaction.Dissatisfied, "水还是浑的", "openid-1", Now.AddDays(2));
        entry.Resolve("加装了过滤器", "c-01", Now.AddDays(3));
        entry.RecordSatisfaction(Satisfaction.Satisfied, null, "openid-1", Now.AddDays(4));

        Assert.Equal(EntryStatus.Closed, entry.Status);
        Assert.Equal(1, entry.Reopened);
        Assert.Equal(
            [EntryStatus.Assigned, EntryStatus.InProgress, EntryStatus.Resolved, EntryStatus.InProgress, EntryStatus.Resolved, EntryStatus.Closed],
            entry.History.Select(t => t.To));
        Assert.Equal("不满意：水还是浑的", entry.History[3].Note);
        Assert.Equal("三组的自来水停了三天了", entry.Description);
    }

    [Fact]
    public void Illegal_moves_are_refused_and_change_nothing()
    {
        var entry = NewEntry();

        Assert.Throws<LedgerRuleException>(() => entry.Resolve("办好了", "c-01", Now));
        Assert.Throws<LedgerRuleException>(() => entry.RecordSatisfaction(Satisfaction.Satisfied, null, "u", Now));
        Assert.Throws<LedgerRuleException>(() => entry.StartWork("c-01", Now));

        Assert.Equal(EntryStatus.Registered, entry.Status);
        Assert.Empty(entry.History);
    }

    [Fact]
    public void Dissatisfied_needs_a_reason_and_unresolved_needs_one_too()
    {
        var entry = NewEntry();
        entry.Assign("县水务局", null, "system", Now);
        entry.Resolve("已处理", "c-01", Now);

        Assert.Throws<LedgerRuleException>(() => entry.RecordSatisfaction(Satisfaction.Dissatisfied, " ", "u", Now));
        Assert.Throws<LedgerRuleException>(() => entry.CloseUnresolved("", "c-01", Now));
        entry.CloseUnresolved("水源地属于邻县，需上级协调", "c-01", Now);

        Assert.Equal(EntryStatus.ClosedUnresolved, entry.Status);
        Assert.False(entry.IsOpen);
        Assert.Throws<LedgerRuleException>(() => entry.Assign("县水务局", null, "system", Now));
    }

    [Fact]
    public void An_entry_without_the_reporters_words_cannot_exist() =>
        Assert.Throws<LedgerRuleException>(() => new LedgerEntry("MS20261127-0002", LedgerBook.LivelihoodRequests, "其他", "  ", new Reporter("test", "u"), "v", "村", Now, Now));

    [Fact]
    public void Overdue_means_open_past_its_time_limit_and_not_waiting_for_the_reporter()
    {
        var entry = NewEntry();
        entry.Assign("县水务局", null, "system", Now);

        Assert.False(entry.IsOverdue(Now.AddDays(2)));
        Assert.True(entry.IsOverdue(Now.AddDays(4)));
        entry.Resolve("已处理", "c-01", Now.AddDays(4));
        Assert.False(entry.IsOverdue(Now.AddDays(5)));
    }

    [Theory]
    [InlineData("MS20261127-0001", "MS20261127-0001")]
    [InlineData("ms20261127-1", "MS20261127-0001")]
    [InlineData(" KN20260301－12 ", "KN20260301-0012")]
    [InlineData("XX20261127-0001", null)]
    [InlineData("MS20261332-0001", null)]
    [InlineData("MS2026112-0001", null)]
    [InlineData("我要反映", null)]
    public void Tracking_numbers_are_read_however_they_are_typed(string typed, string? expected) =>
        Assert.Equal(expected, TrackingNumbers.Parse(typed));

    [Fact]
    public void Similar_descriptions_of_the_same_problem_count_as_duplicates()
    {
        Assert.True(Duplicates.Similarity("三组的自来水停了三天了", "三组自来水停了好几天了") >= Duplicates.Threshold);
        Assert.True(Duplicates.Similarity("三组的自来水停了三天了", "村口的桥被水冲垮了") < Duplicates.Threshold);
    }
}
