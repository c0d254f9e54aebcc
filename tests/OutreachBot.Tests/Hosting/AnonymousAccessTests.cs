using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using OutreachBot.Conversations;
using OutreachBot.Identity;
using OutreachBot.Ledger;
using OutreachBot.Tests.Support;
using OutreachBot.Tests.WeChat;
using OutreachBot.Storage.LiteDb;

namespace OutreachBot.Tests.Hosting;

/// <summary>
/// Without a MicrosoftAppId nothing vouches for who an activity says it is from, so /api/messages serves anonymous
/// turns only from this machine (or with Bot:AllowAnonymous), never for channels with their own endpoint, and
/// never sends anything to a serviceUrl off this machine.
/// </summary>
public sealed class AnonymousAccessTests : IDisposable
{
    /// <summary>The README's curl command, as a newcomer types it.</summary>
    private const string ReadmeCurlBody = """
        {"type": "message", "text": "你好", "channelId": "emulator", "locale": "zh-CN",
         "from": {"id": "villager-1"}, "conversation": {"id": "c1"},
         "serviceUrl": "http://localhost:9/", "deliveryMode": "expectReplies"}
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task On_a_public_address_without_an_app_id_the_bot_endpoint_is_off_with_an_error_naming_the_keys_and_wechat_still_answers()
    {
        await using var api = await FakeWeChatApi.StartAsync();
        var logs = new CapturedLogs();
        await using var host = WeChatTesting.PlaintextHost(_folder.File("bot.db"), api, services: s => s.AddSingleton<ILoggerProvider>(logs), settings: new Dictionary<string, string?>
        {
            ["Urls"] = "http://0.0.0.0:0",
        });
        using var client = host.StartOnKestrel();

        using var bot = await client.PostAsync("/api/messages", Json(ReadmeCurlBody));
        using var health = await client.GetAsync("/healthz");
        var phone = new OutreachBot.WeChat.Simulator.WeChatPhone(client, new Uri(client.BaseAddress!, "/wechat"), WeChatTesting.Token, "o-follower-1");
        var wechat = await phone.SendAsync(phone.Text("你好"));

        Assert.Equal(HttpStatusCode.NotFound, bot.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, wechat.Status);
        Assert.False(string.IsNullOrWhiteSpace(wechat.Text), "a WeChat follower is answered on a public address");
        var error = Assert.Single(logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("/api/messages is OFF", StringComparison.Ordinal));
        Assert.Contains("MicrosoftAppId", error, StringComparison.Ordinal);
        Assert.Contains("Bot:AllowAnonymous", error, StringComparison.Ordinal);
        Assert.Contains("0.0.0.0", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_a_public_address_Bot_AllowAnonymous_serves_anonymous_turns_after_a_loud_warning()
    {
        var logs = new CapturedLogs();
        await using var host = new BotTestHost(_folder.File("bot.db"), new Dictionary<string, string?>
        {
            ["Urls"] = "http://0.0.0.0:0",
            ["Bot:AllowAnonymous"] = "true",
        }, s => s.AddSingleton<ILoggerProvider>(logs));
        using var client = host.StartOnKestrel();

        using var response = await client.PostAsync("/api/messages", Json(ReadmeCurlBody));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"text\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("SECURITY: Bot:AllowAnonymous is on", StringComparison.Ordinal));
    }

    [Fact]
    public async Task On_loopback_the_readme_curl_command_is_answered_without_any_setting()
    {
        await using var host = new BotTestHost(_folder.File("bot.db"), new Dictionary<string, string?> { ["Urls"] = "http://127.0.0.1:0" });
        using var client = host.StartOnKestrel();

        using var response = await client.PostAsync("/api/messages", Json(ReadmeCurlBody));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = JObject.Parse(await response.Content.ReadAsStringAsync())["activities"]!;
        Assert.NotEmpty(replies);
    }

    [Fact]
    public async Task Listening_on_loopback_a_request_from_another_machine_is_refused()
    {
        await using var host = new BotTestHost(_folder.File("bot.db"), services: s => s.AddSingleton<IStartupFilter>(new FromAddress(IPAddress.Parse("203.0.113.7"))));

        using var response = await host.PostAsync(ExpectingReplies(Activities.Message("你好")));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("this machine only", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listening_on_loopback_a_request_relayed_by_a_reverse_proxy_on_this_machine_is_refused()
    {
        await using var host = new BotTestHost(_folder.File("bot.db"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = Json(ExpectingReplies(Activities.Message("你好")).ToString()) };
        request.Headers.Add("X-Forwarded-For", "198.51.100.23");

        using var response = await host.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("wechat")]
    [InlineData("console")]
    [InlineData("WeChat")]
    public async Task An_activity_claiming_a_channel_with_its_own_endpoint_is_refused_with_the_reason(string channel)
    {
        var recorder = new Recorder();
        await using var host = new BotTestHost(_folder.File("bot.db"), services: s => s.AddSingleton<IMiddleware>(recorder));

        using var response = await host.PostAsync(ExpectingReplies(Activities.Message("我要查进度", user: "o-follower-openid", channel: channel)));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("has its own endpoint", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(recorder.Activities);
    }

    [Theory]
    [InlineData("http://10.0.0.8:8080/")]
    [InlineData("http://169.254.169.254/")]
    [InlineData("https://example.org/")]
    public async Task Anonymous_replies_to_a_service_url_off_this_machine_are_refused_before_the_bot_runs(string serviceUrl)
    {
        var recorder = new Recorder();
        await using var host = new BotTestHost(_folder.File("bot.db"), services: s => s.AddSingleton<IMiddleware>(recorder));
        var activity = Activities.Message("你好");
        activity["serviceUrl"] = serviceUrl;

        using var response = await host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("expectReplies", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(recorder.Activities);
    }

    [Fact]
    public async Task Someone_posting_with_a_villagers_id_does_not_redirect_the_villagers_close_out_notice()
    {
        await using var villagerChannel = await ReplyListener.StartAsync();
        await using var host = new BotTestHost(_folder.File("bot.db"), new Dictionary<string, string?> { ["Bot:AllowAnonymous"] = "true" });

        // 王大姐 reports a problem through the local channel, whose connector is villagerChannel.
        foreach (var text in new[] { "我要反映", "饮水", "三组的自来水停了三天了", "跳过", "跳过", "青岩村", "跳过", "对" })
        {
            await host.PostAsync(FromVillager(text, villagerChannel.ServiceUrl, "wang-dajie"));
        }

        // Someone else writes as her, asking for the replies inline and naming their own server.
        using var impostor = await host.PostAsync(FromVillager("查进度", "http://attacker.invalid/", "impostor-conversation"));

        var entry = Assert.Single(host.Services.GetRequiredService<ILedgerStore>().All());
        var staff = new UserIdentity("emulator", "demo-staff", Role.Staff, "S02");
        var closed = host.Services.GetRequiredService<LedgerService>().Resolve(staff, entry.Id, "水管已经修好");
        var sent = await host.Services.GetRequiredService<FollowUps>().AfterCloseOutAsync(closed, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, impostor.StatusCode);
        Assert.Equal(NoticeResult.Sent, sent);
        var notice = await villagerChannel.NextReplyAsync();
        Assert.Contains("水管已经修好", (string?)notice["text"], StringComparison.Ordinal);
        Assert.Equal("wang-dajie", (string?)notice["conversation"]?["id"]);
    }

    [Fact]
    public void A_reference_nobody_vouched_for_never_replaces_one_a_channel_vouched_for()
    {
        using var database = OutreachBot.Storage.LiteDb.Database.InMemory();
        var store = new OutreachBot.Storage.LiteDb.Conversations.LiteDbConversationReferences(database);
        var now = DateTimeOffset.UtcNow;

        var channel = store.Remember(Reference("msteams-conv", "https://smba.trafficmanager.net/"), now, vouched: true);
        var anonymous = store.Remember(Reference("local-conv", "http://localhost:9/"), now.AddMinutes(1), vouched: false);
        var channelAgain = store.Remember(Reference("msteams-conv-2", "https://smba.trafficmanager.net/"), now.AddMinutes(2), vouched: true);

        Assert.True(channel);
        Assert.False(anonymous);
        Assert.True(channelAgain);
        Assert.Equal("msteams-conv-2", store.Find("msteams", "29:villager")!.Value.Reference.Conversation.Id);
    }

    [Fact]
    public async Task From_another_machine_demo_staff_is_a_villager_and_gets_no_dashboard_link()
    {
        await using var host = new BotTestHost(_folder.File("bot.db"), new Dictionary<string, string?> { ["Bot:AllowAnonymous"] = "true" },
            s => s.AddSingleton<IStartupFilter>(new FromAddress(IPAddress.Parse("203.0.113.7"))));

        var replies = string.Join("\n", await host.SendAsync("后台登录", user: "demo-staff", conversation: "remote-demo"));

        Assert.DoesNotContain("token=", replies, StringComparison.Ordinal);
        Assert.Contains("只有工作人员可以用", replies, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_this_machine_demo_staff_still_gets_a_dashboard_link()
    {
        await using var host = new BotTestHost(_folder.File("bot.db"));

        var replies = string.Join("\n", await host.SendAsync("后台登录", user: "demo-staff", conversation: "local-demo"));

        Assert.Contains("token=", replies, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wechat_follower_whose_open_id_is_demo_staff_is_a_villager()
    {
        await using var api = await FakeWeChatApi.StartAsync();
        await using var host = WeChatTesting.PlaintextHost(_folder.File("bot.db"), api);
        var phone = host.Phone("demo-staff");

        var reply = await phone.SendAsync(phone.Text("后台登录"));

        Assert.DoesNotContain("token=", reply.Text ?? "", StringComparison.Ordinal);
        Assert.Contains("只有工作人员可以用", reply.Text ?? "", StringComparison.Ordinal);
    }

    private static JObject FromVillager(string text, string serviceUrl, string conversation)
    {
        var activity = ExpectingReplies(Activities.Message(text, user: "wang-dajie", conversation: conversation, channel: "emulator"));
        activity["serviceUrl"] = serviceUrl;
        return activity;
    }

    private static JObject ExpectingReplies(JObject activity)
    {
        activity["deliveryMode"] = "expectReplies";
        return activity;
    }

    private static Microsoft.Bot.Schema.ConversationReference Reference(string conversation, string serviceUrl) => new()
    {
        ChannelId = "msteams",
        User = new Microsoft.Bot.Schema.ChannelAccount("29:villager"),
        Bot = new Microsoft.Bot.Schema.ChannelAccount("outreachbot"),
        Conversation = new Microsoft.Bot.Schema.ConversationAccount(id: conversation),
        ServiceUrl = serviceUrl,
    };

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    /// <summary>Makes every request arrive from <paramref name="address"/>, as Kestrel reports a caller on another machine.</summary>
    private sealed class FromAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
