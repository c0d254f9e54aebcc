using System.Net;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OutreachBot.Tests.Support;
using OutreachBot.WeChat.Protocol;
using OutreachBot.WeChat.Simulator;

namespace OutreachBot.Tests.WeChat;

/// <summary>
/// A signed query is good for one body. In plaintext mode the signature covers token, timestamp and nonce only, so
/// the (timestamp, nonce) of every push is remembered with a hash of its body until the timestamp goes stale, across a
/// restart too: the same query again with the same body is a retry and gets the same answer; with another body it is
/// refused. With an EncodingAESKey configured, a push without encrypt_type=aes is refused (no downgrade to plaintext).
/// </summary>
public sealed class ReplayTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly Recorder _recorder = new();
    private FakeWeChatApi _api = null!;

    public async Task InitializeAsync() => _api = await FakeWeChatApi.StartAsync();

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_signed_query_sent_again_with_another_body_is_refused_and_the_bot_never_sees_it()
    {
        await using var host = WeChatTesting.PlaintextHost(_folder.File("bot.db"), _api, Record);
        var phone = host.Phone("o-villager");
        var query = phone.SignedQuery();

        using var genuine = await phone.PostRawAsync(phone.Text("村口路灯坏了").Xml, query);
        using var forged = await phone.PostRawAsync(Forged(phone).Xml, query);

        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Contains("nonce", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, _recorder.Count("村口路灯坏了"));
        Assert.Equal(0, _recorder.Count("后台登录"));
    }

    [Fact]
    public async Task The_same_query_with_the_same_body_is_a_retry_and_gets_the_same_answer_from_one_turn()
    {
        await using var host = WeChatTesting.PlaintextHost(_folder.File("bot.db"), _api, Record);
        var phone = host.Phone("o-villager");
        var query = phone.SignedQuery();
        var body = phone.Text("我家低保的事").Xml;

        using var first = await phone.PostRawAsync(body, query);
        using var retry = await phone.PostRawAsync(body, query);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Contains("<Content>", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(1, _recorder.Count("我家低保的事"));
    }

    [Fact]
    public async Task A_restart_does_not_forget_the_nonces_it_took_in()
    {
        var path = _folder.File("restart.db");
        Dictionary<string, string> query;
        await using (var host = WeChatTesting.PlaintextHost(path, _api))
        {
            var phone = host.Phone("o-villager");
            query = phone.SignedQuery();
            using var genuine = await phone.PostRawAsync(phone.Text("重启前发的").Xml, query);
            Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        }

        await using var restarted = WeChatTesting.PlaintextHost(path, _api, Record);
        var samePhone = restarted.Phone("o-villager");
        using var forged = await samePhone.PostRawAsync(Forged(samePhone).Xml, query);

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Empty(_recorder.Activities);
    }

    [Fact]
    public async Task Remembered_nonces_are_dropped_once_their_timestamp_is_stale()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = WeChatTesting.PlaintextHost(_folder.File("bot.db"), _api, s => s.AddSingleton<TimeProvider>(clock));
        var phone = host.Phone("o-villager");
        var nonces = host.Services.GetRequiredService<LiteDB.ILiteDatabase>().GetCollection("wechat_nonces");

        using var early = await phone.PostRawAsync(phone.Text("第一条").Xml, phone.SignedQuery(timestamp: clock.GetUtcNow().ToUnixTimeSeconds()));
        Assert.Equal(1, nonces.Count());
        clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(2));
        using var later = await phone.PostRawAsync(phone.Text("第二条").Xml, phone.SignedQuery(timestamp: clock.GetUtcNow().ToUnixTimeSeconds()));

        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        Assert.Equal(1, nonces.Count());
    }

    [Fact]
    public async Task With_an_aes_key_configured_a_plaintext_push_is_refused_as_a_downgrade()
    {
        await using var host = WeChatTesting.Host(_folder.File("bot.db"), _api, services: Record);
        var phone = host.Phone("o-downgrader");

        using var response = await phone.PostRawAsync(phone.Text("不加密的消息").Xml, phone.SignedQuery());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("encrypt_type=aes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(_recorder.Activities);
    }

    [Fact]
    public async Task Compatible_mode_is_taken_from_its_Encrypt_and_refused_without_encrypt_type()
    {
        await using var host = WeChatTesting.Host(_folder.File("bot.db"), _api, services: Record);
        var phone = host.Phone("o-compatible");
        var message = phone.Text("兼容模式的消息");

        // What compatible mode sends: the plaintext fields and, after them, the same message in Encrypt.
        var encrypt = new WeChatCrypto(WeChatTesting.AesKey, FakeWeChatApi.AppId).Encrypt(message.Xml);
        var body = WeChatXml.Message([.. message.Fields, new("Encrypt", encrypt)]);
        using var compatible = await phone.PostRawAsync(body, phone.SignedQuery(encrypt));
        var stripped = phone.SignedQuery(encrypt);
        stripped.Remove("encrypt_type");
        stripped.Remove("msg_signature");
        using var downgraded = await phone.PostRawAsync(WeChatXml.Message([.. phone.Text("去掉加密的消息").Fields, new("Encrypt", encrypt)]), stripped);

        Assert.Equal(HttpStatusCode.OK, compatible.StatusCode);
        Assert.Contains("<Encrypt>", await compatible.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, _recorder.Count("兼容模式的消息"));
        Assert.Equal(HttpStatusCode.Forbidden, downgraded.StatusCode);
        Assert.Equal(0, _recorder.Count("去掉加密的消息"));
    }

    private void Record(IServiceCollection services) => services.AddSingleton<IMiddleware>(_recorder);

    /// <summary>What someone holding one signed query would send with it: a message of their choosing.</summary>
    private static PhoneMessage Forged(WeChatPhone phone) => phone.Text("后台登录");
}
