using System.Net;
using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Tests.Support;
using OutreachBot.Tests.WeChat;

namespace OutreachBot.Tests.Hosting;

/// <summary>
/// /api/messages and /wechat through the real host: a huge text is answered (cut) and the host keeps serving, a
/// body over Bot:MaxBodyBytes is refused with 413 before the bot sees it, with or without a Content-Length.
/// </summary>
public sealed class MessageBoundsHttpTests : IDisposable
{
    private const string CutNotice = "只收下了前 2000 个字";
    private readonly TempFolder _folder = new();
    private readonly Recorder _bot = new();

    public void Dispose() => _folder.Dispose();

    private BotTestHost Host(IDictionary<string, string?>? settings = null) =>
        new(_folder.File("bot.db"), settings, services => services.AddSingleton<IMiddleware>(_bot));

    [Fact]
    public async Task A_hundred_thousand_latin_letters_are_answered_and_the_host_serves_the_next_message()
    {
        await using var host = Host();

        // Before the fix the handbook's pinyin reading recursed once per syllable and this ended the process.
        var wall = await host.SendAsync(new string('a', 100_000));
        var next = await host.SendAsync("低保怎么申请");

        Assert.Contains(CutNotice, wall[0], StringComparison.Ordinal);
        Assert.True(wall.Count >= 2, "the cut text is answered as well");
        Assert.Equal(2000, _bot.Activities.First().Text.Length);
        Assert.NotEmpty(next);
        Assert.DoesNotContain(next, r => r.Contains("只收下了", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_body_over_the_limit_gets_413_and_never_reaches_the_bot()
    {
        await using var host = Host(new Dictionary<string, string?> { ["Bot:MaxBodyBytes"] = "4096" });
        var activity = Activities.Message(new string('涝', 2000));

        using var response = await host.PostAsync(activity);
        var next = await host.SendAsync("你好");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Bot:MaxBodyBytes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(["你好"], _bot.Activities.Select(a => a.Text));
        Assert.NotEmpty(next);
    }

    [Fact]
    public async Task On_kestrel_a_5_MB_body_gets_its_413_and_the_same_connection_carries_the_next_message()
    {
        await using var host = Host(new Dictionary<string, string?> { ["Urls"] = "http://127.0.0.1:0" });
        using var client = host.StartOnKestrel();
        var huge = Activities.Message(new string('长', 5_000_000 / 3)).ToString();

        // Answering before the body was read and then closing reset the connection under a client still sending,
        // or cut off its next request on the same connection (found by bench/Replay's bad-input drill).
        using var refused = await client.PostAsync("/api/messages", new StringContent(huge, Encoding.UTF8, "application/json"));
        var next = Activities.Message("你好");
        next["deliveryMode"] = "expectReplies";
        using var answered = await client.PostAsync("/api/messages", new StringContent(next.ToString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.False(refused.Headers.ConnectionClose ?? false, "a body read to its end leaves the connection usable");
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(["你好"], _bot.Activities.Select(a => a.Text));
    }

    [Fact]
    public async Task A_body_over_the_default_limit_without_a_content_length_is_cut_off_while_reading()
    {
        await using var host = Host();
        var body = Activities.Message(new string('a', 300 * 1024)).ToString();
        using var content = new UnsizedContent(Encoding.UTF8.GetBytes(body));

        using var response = await host.CreateClient().PostAsync("/api/messages", content);
        var next = await host.SendAsync("你好");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(["你好"], _bot.Activities.Select(a => a.Text));
        Assert.NotEmpty(next);
    }

    [Fact]
    public async Task A_long_wechat_text_within_its_body_limit_is_cut_like_any_other_channel()
    {
        await using var api = await FakeWeChatApi.StartAsync();
        await using var host = WeChatTesting.PlaintextHost(_folder.File("bot.db"), api, services: s => s.AddSingleton<IMiddleware>(_bot));
        var phone = host.Phone("o-long-story");

        var reply = await phone.SendAsync(phone.Text("我们组的路垮了，" + new string('路', 10_000)));

        Assert.Contains(CutNotice, reply.Text, StringComparison.Ordinal);
        Assert.Equal(2000, Assert.Single(_bot.Activities, a => a.Type == "message").Text.Length);
    }

    /// <summary>A body sent chunked, without a Content-Length, so only reading it shows how long it is.</summary>
    private sealed class UnsizedContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
