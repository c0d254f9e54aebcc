using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using OutreachBot.Conversations;
using OutreachBot.Storage;
using OutreachBot.Tests.Support;

namespace OutreachBot.Tests.Hosting;

public sealed class MessagesEndpointTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private BotTestHost Host(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) =>
        new(_folder.File("bot.db"), settings, services);

    [Fact]
    public async Task With_expect_replies_the_reply_comes_back_in_the_response()
    {
        await using var host = Host();

        var replies = await host.SendAsync("你好");

        Assert.NotEmpty(replies);
        Assert.All(replies, r => Assert.False(string.IsNullOrWhiteSpace(r)));
    }

    [Fact]
    public async Task Without_expect_replies_the_reply_is_posted_to_the_service_url()
    {
        await using var listener = await ReplyListener.StartAsync();
        await using var host = Host();
        var activity = Activities.Message("你好", channel: "emulator");
        activity["serviceUrl"] = listener.ServiceUrl;

        using var response = await host.PostAsync(activity);
        var reply = await listener.NextReplyAsync();

        Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString());
        Assert.Equal("conv-1", (string?)reply["conversation"]?["id"]);
        Assert.Equal((string?)activity["id"], (string?)reply["replyToId"]);
        Assert.Equal("markdown", (string?)reply["textFormat"]);
    }

    [Fact]
    public async Task Web_chat_over_a_direct_line_emulator_is_served_without_recipient_or_timestamp()
    {
        await using var listener = await ReplyListener.StartAsync();
        await using var host = Host();

        var watch = Stopwatch.StartNew();
        using var opening = await host.PostAsync(Activities.FromWebChat("conversationUpdate", "dl-1", listener.ServiceUrl));
        watch.Stop();
        using var message = await host.PostAsync(Activities.FromWebChat("message", "dl-1", listener.ServiceUrl, text: "你好"));
        var reply = await listener.NextReplyAsync();

        Assert.True(opening.IsSuccessStatusCode, opening.StatusCode.ToString());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), "the opening conversationUpdate must be answered at once");
        Assert.True(message.IsSuccessStatusCode, message.StatusCode.ToString());
        Assert.False(string.IsNullOrWhiteSpace((string?)reply["text"]));
        Assert.Equal("dl_user", (string?)reply["recipient"]?["id"]);
    }

    [Theory]
    [InlineData("{\"type\":")]
    [InlineData("not json at all")]
    [InlineData("")]
    [InlineData("[1,2,3]")]
    public async Task Malformed_json_gets_400_not_500(string body)
    {
        await using var host = Host();

        using var response = await host.CreateClient().PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("{\"type\":\"message\",\"text\":\"你好\"}", "serviceUrl")]
    [InlineData("{\"type\":\"message\",\"text\":\"你好\",\"serviceUrl\":\"not a url\",\"conversation\":{\"id\":\"c\"},\"from\":{\"id\":\"u\"}}", "serviceUrl")]
    [InlineData("{\"type\":\"message\",\"text\":\"你好\",\"serviceUrl\":\"http://127.0.0.1:9/\",\"from\":{\"id\":\"u\"}}", "conversation.id")]
    [InlineData("{\"type\":\"message\",\"text\":\"你好\",\"serviceUrl\":\"http://127.0.0.1:9/\",\"conversation\":{\"id\":\"c\"}}", "from.id")]
    public async Task An_activity_missing_what_routes_it_gets_400_with_the_reason_and_the_next_message_is_answered(string body, string reason)
    {
        await using var host = Host();

        using var response = await host.CreateClient().PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));
        var activity = Activities.Message("你好");
        activity["deliveryMode"] = "expectReplies";
        using var next = await host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Contains("\"text\"", await next.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_an_app_id_configured_requests_without_a_valid_token_are_refused()
    {
        await using var host = Host(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "6a7f1a3e-0000-4000-8000-000000000001",
            ["MicrosoftAppPassword"] = "not-a-real-secret",
        });
        var activity = Activities.Message("你好");
        activity["deliveryMode"] = "expectReplies";

        using var anonymous = await host.PostAsync(activity);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");
        using var forged = await host.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    [Fact]
    public async Task A_turn_that_throws_gets_a_friendly_reply_keeps_the_message_and_the_next_turn_works()
    {
        await using var host = Host(services: s => s.AddSingleton<IMiddleware>(new ThrowOn("触发故障")));

        var failed = await host.SendAsync("触发故障");
        var next = await host.SendAsync("你好");

        Assert.Contains("记下了", Assert.Single(failed), StringComparison.Ordinal);
        Assert.DoesNotContain("记下了", string.Concat(next), StringComparison.Ordinal);
        var kept = host.Services.GetRequiredService<IFailedTurns>().Recent(10);
        Assert.Contains(kept, t => t.Text == "触发故障");
    }

    [Fact]
    public async Task Conversation_state_survives_a_host_restart_on_the_same_file()
    {
        await using (var first = Host())
        {
            await first.SendAsync("你好", conversation: "restart-1");
            await first.SendAsync("在吗", conversation: "restart-1");
        }

        await using var second = Host();
        await second.SendAsync("还在吗", conversation: "restart-1");

        var storage = second.Services.GetRequiredService<IStorage>();
        var state = (IDictionary<string, object>)(await storage.ReadAsync(["test/conversations/restart-1"]))["test/conversations/restart-1"];
        Assert.Equal(3, ((ConversationInfo)state[nameof(ConversationInfo)]).Messages);
    }

    [Fact]
    public async Task Health_answers_200_when_the_database_is_reachable()
    {
        await using var host = Host();

        using var response = await host.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Echo_mode_answers_without_touching_storage()
    {
        await using var host = Host(new Dictionary<string, string?> { ["Bot:Echo"] = "true" });

        var replies = await host.SendAsync("测试");

        Assert.Equal("收到：测试", Assert.Single(replies));
        Assert.Null(host.Services.GetService<IStorage>());
        Assert.False(File.Exists(host.DatabasePath));
    }

    private sealed class ThrowOn(string text) : IMiddleware
    {
        public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default) =>
            turnContext.Activity.Text == text ? throw new InvalidOperationException("boom") : next(cancellationToken);
    }
}
