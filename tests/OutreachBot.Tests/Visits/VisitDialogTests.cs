using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Identity;
using OutreachBot.Ledger;
using OutreachBot.Tests.Support;
using OutreachBot.Visits;

namespace OutreachBot.Tests.Visits;

public sealed class VisitDialogTests
{
    private static async Task<string> Say(TranscriptRunner runner, string text) => string.Join("\n", await runner.SayAsync(text));

    [Fact]
    public async Task A_visit_is_stored_with_its_four_notes_and_a_date_read_in_shanghai_time()
    {
        await using var runner = new TranscriptRunner();
        await runner.PlayAsync(new Transcript("setup", [new Transcript.Line(1, Transcript.Kind.User, "demo-cadre")]));
        foreach (var answer in new[] { "记录走访", "唐正全", "昨天晚上八点", "慰问", "通组路快修好了", "老人腿脚不便", "想要轮椅", "轮椅还没着落", "跳过" })
        {
            await Say(runner, answer);
        }

        var done = await Say(runner, "对");

        Assert.Contains("已记下", done, StringComparison.Ordinal);
        var visits = runner.Services.GetRequiredService<VisitService>();
        var cadre = new UserIdentity("test", "demo-cadre", Role.Cadre, "C101");
        var visit = Assert.Single(visits.VisitsTo(cadre, "H0101003"));
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 20, 0, 0, TimeSpan.FromHours(8)), visit.At);
        Assert.Equal(VisitKind.Relief, visit.Kind);
        Assert.Equal(new VisitNotes("通组路快修好了", "老人腿脚不便", "想要轮椅", "轮椅还没着落"), visit.Notes);
    }

    [Fact]
    public async Task A_problem_raised_for_a_household_in_difficulty_goes_to_the_households_in_difficulty_ledger()
    {
        await using var runner = new TranscriptRunner();
        await runner.PlayAsync(new Transcript("setup", [new Transcript.Line(1, Transcript.Kind.User, "demo-cadre")]));
        foreach (var answer in new[] { "记录走访", "唐正全", "刚才", "入户走访", "跳过", "跳过", "跳过", "老人要轮椅", "跳过", "对", "要", "医疗", "跳过", "跳过", "跳过" })
        {
            await Say(runner, answer);
        }

        var raised = await Say(runner, "对");

        Assert.Contains("（困难群众）", raised, StringComparison.Ordinal);
        var entry = Assert.Single(runner.Services.GetRequiredService<ILedgerStore>().All());
        Assert.Equal(LedgerBook.HouseholdsInDifficulty, entry.Book);
        Assert.StartsWith("KN20261127-", entry.Id, StringComparison.Ordinal);
        Assert.Equal("H0101003", entry.HouseholdId);
        Assert.Equal("老人要轮椅", entry.Description);
    }

    [Fact]
    public async Task Someone_who_is_not_a_bound_cadre_is_told_why_they_cannot_log_a_visit()
    {
        await using var runner = new TranscriptRunner();

        var reply = await Say(runner, "记录走访");

        Assert.Contains("“记录走访”只有帮扶干部可以用", reply, StringComparison.Ordinal);
        Assert.Contains("绑定", reply, StringComparison.Ordinal);
    }
}
