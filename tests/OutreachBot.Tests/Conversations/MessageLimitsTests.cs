using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OutreachBot.Conversations;
using OutreachBot.Hosting;
using OutreachBot.Tests.Support;
using OutreachBot.Tests.WeChat;
using OutreachBot.Texts;

namespace OutreachBot.Tests.Conversations;

/// <summary>
/// The turn pipeline bounds the work of one message: an over-long text is cut (and the sender told), a user who
/// floods is told once to slow down and the flood is not processed. These run through the registered pipeline
/// on Bot Builder's TestAdapter and a real LiteDB file, except the refill test, which needs a bot that answers at
/// once so that the bucket's timing is the only timing in it.
/// </summary>
public sealed class MessageLimitsTests : IDisposable
{
    private const string CutNotice = "只收下了前 2000 个字";
    private const string SlowDown = "您发消息太快了";
    private readonly TempFolder _folder = new();
    private readonly Recorder _bot = new();

    public void Dispose() => _folder.Dispose();

    private BotHarness Harness(IDictionary<string, string?>? settings = null) =>
        new(_folder.File("bot.db"), settings, services => services.AddSingleton<IMiddleware>(_bot));

    [Fact]
    public async Task A_long_story_keeps_its_first_2000_characters_and_the_villager_is_told_the_rest_was_cut()
    {
        await using var harness = Harness();
        var story = "我们三组的自来水已经停了三天，" + new string('水', 3000);

        await harness.Flow()
            .Send(story).AssertReply(a => Assert.Contains(CutNotice, a.AsMessageActivity().Text, StringComparison.Ordinal))
            .StartTestAsync();

        var received = Assert.Single(_bot.Activities).Text;
        Assert.Equal(2000, received.Length);
        Assert.StartsWith("我们三组的自来水已经停了三天，", received, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_text_of_2000_characters_is_taken_whole_without_a_notice()
    {
        await using var harness = Harness();
        var story = new string('水', 2000);

        await harness.Flow()
            .Send(story).AssertReply(a => Assert.DoesNotContain("只收下了", a.AsMessageActivity().Text, StringComparison.Ordinal))
            .StartTestAsync();

        Assert.Equal(story, Assert.Single(_bot.Activities).Text);
    }

    [Fact]
    public async Task The_cut_never_splits_an_emoji_and_lone_surrogates_reach_the_bot_as_replacement_characters()
    {
        await using var harness = Harness(new Dictionary<string, string?> { ["Bot:MaxTextChars"] = "4" });

        await harness.Flow()
            .Send("水停了😀😀").AssertReply(a => Assert.Contains("只收下了前 4 个字", a.AsMessageActivity().Text, StringComparison.Ordinal))
            .StartTestAsync();
        await harness.Flow()
            .Send("低\uD800保").AssertReply(_ => { })
            .StartTestAsync();

        Assert.Equal(["水停了", "低\uFFFD保"], _bot.Activities.Select(a => a.Text));
    }

    [Fact]
    public async Task A_flood_from_one_villager_gets_one_polite_notice_and_is_not_processed_while_others_are_served()
    {
        await using var harness = Harness(new Dictionary<string, string?> { ["Bot:RateLimit:Burst"] = "5", ["Bot:RateLimit:PermitsPerMinute"] = "1" });
        var flooder = Conversation(harness, "flooder");
        var neighbour = Conversation(harness, "neighbour");

        var answers = new List<IReadOnlyList<string>>();
        for (var i = 1; i <= 20; i++)
        {
            answers.Add(await SayAsync(flooder, harness, $"第{i}条"));
        }

        var neighbourAnswer = await SayAsync(neighbour, harness, "你好");

        // The first five are the burst and are answered as usual; the sixth is told to slow down; the other
        // fourteen get no reply at all and never reach the bot.
        Assert.All(answers.Take(5), a => Assert.DoesNotContain(SlowDown, string.Concat(a), StringComparison.Ordinal));
        Assert.Contains(SlowDown, Assert.Single(answers[5]), StringComparison.Ordinal);
        Assert.All(answers.Skip(6), Assert.Empty);
        Assert.Equal(["第1条", "第2条", "第3条", "第4条", "第5条", "你好"], _bot.Activities.Select(a => a.Text));
        Assert.NotEmpty(neighbourAnswer);
        Assert.DoesNotContain(SlowDown, string.Concat(neighbourAnswer), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_the_bucket_refills_the_user_is_served_again_and_a_new_flood_is_told_again()
    {
        var texts = TextCatalog.Load(Path.Combine(ContentRoot.Locate(), "dialogs"));
        using var limit = new MessageRateLimit(
            Options.Create(new BotLimitsOptions { RateLimit = new MessageRateOptions { Burst = 1, PermitsPerMinute = 60 } }),
            texts,
            NullLogger<MessageRateLimit>.Instance);
        var adapter = new TestAdapter(TestAdapter.CreateConversation("refill", "villager-r"));
        adapter.Use(limit);
        var handled = new List<string>();
        Task Bot(ITurnContext turn, CancellationToken cancellationToken)
        {
            handled.Add(turn.Activity.Text);
            return turn.SendActivityAsync("好的", cancellationToken: cancellationToken);
        }

        async Task<List<string>> Say(string text)
        {
            await adapter.SendTextToBotAsync(text, Bot, CancellationToken.None);
            var replies = new List<string>();
            while (adapter.GetNextReply() is { } reply)
            {
                replies.Add(reply.AsMessageActivity().Text);
            }

            return replies;
        }

        var first = await Say("一");
        var second = await Say("二");
        var third = await Say("三");
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var afterRefill = await Say("四");
        var fifth = await Say("五");

        Assert.Equal(["好的"], first);
        Assert.Equal([texts[ConversationTexts.SlowDown]], second);
        Assert.Empty(third);
        Assert.Equal(["好的"], afterRefill);
        Assert.Equal([texts[ConversationTexts.SlowDown]], fifth);
        Assert.Equal(["一", "四"], handled);
    }

    [Fact]
    public async Task A_hundred_messages_at_once_over_http_get_the_burst_answered_and_a_single_notice()
    {
        await using var host = new BotTestHost(_folder.File("bot.db"), new Dictionary<string, string?>
        {
            ["Bot:RateLimit:Burst"] = "10",
            ["Bot:RateLimit:PermitsPerMinute"] = "1",
        }, services => services.AddSingleton<IMiddleware>(_bot));

        var replies = await Task.WhenAll(Enumerable.Range(1, 100).Select(i => host.SendAsync($"第{i}条", conversation: "flood")));

        Assert.Equal(10, _bot.Activities.Count);
        Assert.Equal(1, replies.Count(r => r.Any(t => t.Contains(SlowDown, StringComparison.Ordinal))));
        Assert.Equal(89, replies.Count(r => r.Count == 0));
        var next = await host.SendAsync("你好", user: "villager-2", conversation: "calm");
        Assert.NotEmpty(next);
    }

    private static TestAdapter Conversation(BotHarness harness, string user)
    {
        var adapter = new TestAdapter(TestAdapter.CreateConversation("conversation-" + user, user, "outreachbot"));
        BotPipeline.Apply(adapter, harness.Services);
        return adapter;
    }

    private static async Task<IReadOnlyList<string>> SayAsync(TestAdapter adapter, BotHarness harness, string text)
    {
        var activity = adapter.MakeActivity(text);
        activity.Id = Guid.NewGuid().ToString("N");
        await adapter.ProcessActivityAsync(activity, harness.Bot.OnTurnAsync, CancellationToken.None);
        var replies = new List<string>();
        while (adapter.GetNextReply() is { } reply)
        {
            replies.Add(reply.AsMessageActivity()?.Text ?? "");
        }

        return replies;
    }
}
