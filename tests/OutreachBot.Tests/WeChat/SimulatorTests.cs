using System.Net;
using System.Net.Sockets;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Channels.WeChat;
using OutreachBot.Conversations;
using OutreachBot.Tests.Support;
using OutreachBot.Texts;
using OutreachBot.WeChat;

namespace OutreachBot.Tests.WeChat;

/// <summary>The wechat-sim command typed into, against the real host, with its local API stand-in showing API replies.</summary>
public sealed class SimulatorTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_typed_session_shows_passive_replies_and_replies_sent_through_the_api()
    {
        var apiUrl = $"http://127.0.0.1:{FreePort()}";
        var recorder = new Recorder();
        await using var host = new BotTestHost(_folder.File("bot.db"), new Dictionary<string, string?>
        {
            ["WeChat:Token"] = WeChatTesting.Token,
            ["WeChat:EncodingAESKey"] = WeChatTesting.AesKey,
            ["WeChat:AppId"] = FakeWeChatApi.AppId,
            ["WeChat:ApiBaseUrl"] = apiUrl,
        }, s =>
        {
            s.AddSingleton<IMiddleware>(recorder);
            s.AddSingleton<IMiddleware>(new Say("两句话", "第一句。", "第二句。"));
        });
        var texts = host.Services.GetRequiredService<TextCatalog>();
        var phone = host.Phone("o-sim", safeMode: true);
        var input = new TypedLines("你好", "/subscribe village-0427", "/voice", "/voice 村口路灯坏了", "/location 26.5783 107.9769 三棵树镇村委会",
            "/image http://mmbiz.qpic.cn/road.jpg", "/click 菜单", "/retry", "两句话", "/oops");
        var output = new StringWriter();

        await WeChatSimCommand.RunAsync(phone, apiUrl, input, output, CancellationToken.None);

        var shown = output.ToString();
        Assert.Contains(texts[ConversationTexts.Welcome], shown, StringComparison.Ordinal);
        Assert.Contains(texts[WeChatTexts.VoiceNotRecognised], shown, StringComparison.Ordinal);
        Assert.Contains("第一句。", shown, StringComparison.Ordinal);
        Assert.Contains("[客服消息接口] 第二句。", shown, StringComparison.Ordinal);
        Assert.Contains("看不懂“/oops”", shown, StringComparison.Ordinal);
        Assert.Equal(["你好", null, null, "村口路灯坏了", null, null, "菜单", "两句话"], recorder.Activities.Select(a => a.Text));
        Assert.Equal(26.5783, (double)((Newtonsoft.Json.Linq.JObject)recorder.Activities.ElementAt(4).Value)["latitude"]!);
        Assert.Equal("http://mmbiz.qpic.cn/road.jpg", recorder.Activities.ElementAt(5).Attachments[0].ContentUrl);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Lines typed one by one; after the last, a pause (for replies still on their way through the API), then end of input.</summary>
    private sealed class TypedLines(params string[] lines) : TextReader
    {
        private int _next;

        public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
        {
            if (_next < lines.Length)
            {
                return lines[_next++];
            }

            await Task.Delay(3000, cancellationToken);
            return null;
        }
    }
}
