using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Ledger;
using OutreachBot.Tests.Support;

namespace OutreachBot.Tests.Ledger;

public sealed class OverdueNoticeTests
{
    [Fact]
    public async Task An_entry_past_its_time_limit_is_told_once_to_the_villages_cadre_and_staff()
    {
        await using var runner = new TranscriptRunner();
        await runner.PlayAsync(Parse("""
            @user demo-cadre
            > 你好
            @user demo-staff
            > 你好
            @user villager-1
            > 我要反映
            > 矛盾纠纷
            > 两家为了地界吵架，快打起来了
            > 跳过
            > 跳过
            > 青岩村
            > 跳过
            > 对
            ~ 一般 1 天内会有答复
            """));
        var upkeep = runner.Services.GetRequiredService<LedgerUpkeep>();

        runner.Clock.Advance(TimeSpan.FromHours(20));
        await upkeep.RunAsync(runner.Clock.GetUtcNow(), CancellationToken.None);
        Assert.Empty(runner.Inbox("demo-cadre"));

        runner.Clock.Advance(TimeSpan.FromHours(5));
        await upkeep.RunAsync(runner.Clock.GetUtcNow(), CancellationToken.None);
        await upkeep.RunAsync(runner.Clock.GetUtcNow(), CancellationToken.None);
        Assert.Equal(["编号 WD20261127-0001（青岩村·矛盾纠纷）已经超过办理时限（2026-11-28 10:00），还没办结，请抓紧。"], runner.Inbox("demo-cadre"));
        Assert.Single(runner.Inbox("demo-staff"));
        Assert.Empty(runner.Inbox("villager-1"));
    }

    private static Transcript Parse(string text)
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, string.Join("\n", text.Split('\n').Select(l => l.Trim())));
        try
        {
            return Transcript.Parse(file);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
