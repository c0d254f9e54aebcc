using LiteDB;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Conversations;
using OutreachBot.Scheduling;
using OutreachBot.Storage;
using OutreachBot.Tests.Support;
using OutreachBot.Storage.LiteDb;

namespace OutreachBot.Tests.Conversations;

/// <summary>Conversation plumbing nobody uses is forgotten after the configured days; campaign records are not.</summary>
public sealed class RetentionTests
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Scheduler:Enabled"] = "false",
        ["Retention:StateDays"] = "90",
        ["Retention:ReferenceDays"] = "400",
        ["Retention:FailedTurnDays"] = "30",
    };

    [Fact]
    public async Task A_report_left_half_done_for_longer_than_the_state_days_is_forgotten_and_the_villager_starts_afresh()
    {
        await using var bot = new TranscriptRunner(Settings);
        await bot.SayAsync("我要反映");

        bot.Clock.Advance(TimeSpan.FromDays(89));
        await TickAsync(bot);
        Assert.Contains(await bot.SayAsync("取消"), r => r.Contains("已经取消了", StringComparison.Ordinal));

        await bot.SayAsync("我要反映");
        bot.Clock.Advance(TimeSpan.FromDays(91));
        await TickAsync(bot);
        Assert.DoesNotContain(await bot.SayAsync("取消"), r => r.Contains("已经取消了", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Where_to_reach_a_user_is_kept_for_the_reference_days_and_failed_turns_for_their_own()
    {
        await using var bot = new TranscriptRunner(Settings);
        await bot.SayAsync("你好");
        var references = bot.Services.GetRequiredService<IConversationReferences>();
        var failed = bot.Services.GetRequiredService<IFailedTurns>();
        failed.Keep(new Activity(ActivityTypes.Message) { ChannelId = "test", Text = "路断了", From = new ChannelAccount("villager-1"), Conversation = new ConversationAccount(id: "c") }, new InvalidOperationException());

        bot.Clock.Advance(TimeSpan.FromDays(31));
        await TickAsync(bot);
        Assert.Empty(failed.Recent(10));
        Assert.NotNull(references.Find("*", "villager-1"));

        bot.Clock.Advance(TimeSpan.FromDays(370));
        await TickAsync(bot);
        Assert.Null(references.Find("*", "villager-1"));
    }

    [Fact]
    public async Task State_saved_before_save_times_were_recorded_starts_counting_at_the_first_clean_up()
    {
        using var folder = new TempFolder();
        using var db = Database.Open(new StorageOptions { Path = folder.File("bot.db") }, folder.Path);
        db.GetCollection(LiteDbStorage.CollectionName).Insert(new BsonDocument { ["_id"] = "test/conversations/old", ["ETag"] = "e", ["Json"] = "{}" });
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        var storage = new LiteDbStorage(db, clock);
        await storage.WriteAsync(new Dictionary<string, object> { ["test/conversations/new"] = new Dictionary<string, object> { ["n"] = 1 } });

        Assert.Equal(0, storage.ForgetUnusedSince(clock.GetUtcNow().AddDays(-90)));
        clock.Advance(TimeSpan.FromDays(91));
        Assert.Equal(2, storage.ForgetUnusedSince(clock.GetUtcNow().AddDays(-90)));
        Assert.Empty(await storage.ReadAsync(["test/conversations/old", "test/conversations/new"]));
    }

    [Fact]
    public void Retention_days_below_one_stop_start_up_naming_the_key()
    {
        var error = Assert.ThrowsAny<Exception>(() =>
        {
            using var folder = new TempFolder();
            using var host = new BotTestHost(folder.File("bot.db"), new Dictionary<string, string?> { ["Retention:StateDays"] = "0" });
            host.CreateClient();
        });
        Assert.Contains("Retention", error.ToString(), StringComparison.Ordinal);
    }

    private static Task TickAsync(TranscriptRunner bot) => bot.Services.GetRequiredService<Scheduler>().TickAsync();
}
