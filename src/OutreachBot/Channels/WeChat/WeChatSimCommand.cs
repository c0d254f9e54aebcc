using System.CommandLine;
using System.Globalization;
using System.Text;
using OutreachBot.WeChat.Protocol;
using OutreachBot.WeChat.Simulator;

namespace OutreachBot.Channels.WeChat;

/// <summary>
/// `wechat-sim`: a phone in the terminal that speaks WeChat's push protocol to a running bot's /wechat (signed, and
/// encrypted in safe mode with --aes-key and --app-id), so the channel can be tried without a WeChat account.
/// </summary>
public sealed class WeChatSimCommand : Cli.ICliCommand
{
    public const string Help = """
        直接输入文字 = 发文字消息；以下命令模拟其他消息和事件：
          /image <图片地址>                  发图片
          /location <纬度> <经度> <地点名称>   发位置
          /voice [识别出的文字]               发语音（不写文字 = 没有语音识别结果）
          /video  /shortvideo               发视频、小视频
          /link <网址> <标题>                发链接
          /subscribe [场景值]                关注（带场景值 = 扫带参数二维码关注）
          /unsubscribe                      取消关注
          /scan <场景值>                     已关注用户扫码
          /click <菜单 key>                  点菜单
          /view <网址>                       点链接菜单
          /retry                            把上一条原样重发（模拟微信重试）
          /help  /quit
        """;

    public Command Create(IServiceProvider services)
    {
        var url = new Option<string>("--url") { Description = "机器人的 /wechat 地址", DefaultValueFactory = _ => "http://localhost:3978/wechat" };
        var token = new Option<string>("--token") { Description = "公众号后台的 Token（与机器人的 WeChat:Token 相同）", Required = true };
        var aesKey = new Option<string?>("--aes-key") { Description = "EncodingAESKey；给出时按安全模式加密" };
        var appId = new Option<string?>("--app-id") { Description = "AppID（安全模式必填）" };
        var openId = new Option<string>("--openid") { Description = "模拟的用户 OpenID", DefaultValueFactory = _ => "o-simulated-villager" };
        var account = new Option<string>("--account") { Description = "公众号原始 ID", DefaultValueFactory = _ => "gh_simulator" };
        var apiListen = new Option<string?>("--api-listen") { Description = "在这个地址模拟微信接口（如 http://127.0.0.1:3980），显示经客服消息、模板消息接口发出的回复；机器人需配置 WeChat__ApiBaseUrl 为此地址" };
        var command = new Command("wechat-sim", "在终端里模拟微信用户，按公众号消息协议和 /wechat 对话") { url, token, aesKey, appId, openId, account, apiListen };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!Uri.TryCreate(parse.GetValue(url), UriKind.Absolute, out var endpoint))
            {
                await Console.Error.WriteLineAsync("--url 要写完整地址，例如 http://localhost:3978/wechat。");
                return 2;
            }

            var key = parse.GetValue(aesKey);
            var app = parse.GetValue(appId);
            if (!string.IsNullOrEmpty(key) && string.IsNullOrEmpty(app))
            {
                await Console.Error.WriteLineAsync("安全模式需要同时给出 --aes-key 和 --app-id。");
                return 2;
            }

            Console.OutputEncoding = Encoding.UTF8;
            Console.InputEncoding = Encoding.UTF8;
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
            var crypto = string.IsNullOrEmpty(key) ? null : new WeChatCrypto(key, app!);
            var phone = new WeChatPhone(http, endpoint, parse.GetValue(token)!, parse.GetValue(openId)!, parse.GetValue(account)!, crypto);
            return await RunAsync(phone, parse.GetValue(apiListen), Console.In, Console.Out, cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(WeChatPhone phone, string? apiListen, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        var gate = new object();
        void Show(string line)
        {
            lock (gate)
            {
                output.WriteLine(line);
                output.Flush();
            }
        }

        await using var api = apiListen is null ? null : await LocalWeChatApi.StartAsync(apiListen, Show);
        Show($"模拟用户 {phone.OpenId} → {(phone.Encrypts ? "安全模式" : "明文模式")}。输入 /help 查看命令，/quit 退出。");
        if (api is not null)
        {
            Show($"模拟微信接口在 {apiListen}；机器人需以 WeChat__ApiBaseUrl={apiListen} 启动，接口发出的回复才会显示在这里。");
        }

        PhoneMessage? last = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            var line = await input.ReadLineAsync(cancellationToken);
            if (line is null || line.Trim() is "/quit" or "/exit")
            {
                break;
            }

            line = line.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line == "/help")
            {
                Show(Help);
                continue;
            }

            var problem = "还没有发过消息。";
            var message = line == "/retry" ? last : Parse(phone, line, out problem);
            if (message is null)
            {
                Show(problem);
                continue;
            }

            last = message;
            try
            {
                Show(Describe(await phone.SendAsync(message, cancellationToken)));
            }
            catch (HttpRequestException e)
            {
                Show($"连不上机器人：{e.Message}");
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Show("机器人 20 秒没有回应（微信 5 秒就会放弃）。");
            }
            catch (InvalidDataException e)
            {
                Show($"回复不合协议：{e.Message}");
            }
        }

        return 0;
    }

    private static string Describe(PhoneReply reply) =>
        reply.Text is not null ? reply.Text
        : reply.IsSuccess ? "（被动回复为 success：这一轮的回复若有，经客服消息接口发送）"
        : $"（HTTP {(int)reply.Status}：{reply.Body}）";

    /// <summary>A typed line as the message a phone would push; null with a reason when the line is not understood.</summary>
    public static PhoneMessage? Parse(WeChatPhone phone, string line, out string problem)
    {
        problem = "";
        if (!line.StartsWith('/'))
        {
            return phone.Text(line);
        }

        var parts = line.Split(' ', 2, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var rest = parts.Length > 1 ? parts[1] : "";
        switch (parts[0])
        {
            case "/image" when rest.Length > 0:
                return phone.Image(rest);
            case "/voice":
                return phone.Voice(rest.Length > 0 ? rest : null);
            case "/video":
                return phone.Video();
            case "/shortvideo":
                return phone.Video(shortVideo: true);
            case "/subscribe":
                return phone.Subscribe(rest.Length > 0 ? rest : null);
            case "/unsubscribe":
                return phone.Event("unsubscribe", "");
            case "/scan" when rest.Length > 0:
                return phone.Event("SCAN", rest, ("Ticket", "gQH47joAAAAAAAAAASxodHRw"));
            case "/click" when rest.Length > 0:
                return phone.Event("CLICK", rest);
            case "/view" when rest.Length > 0:
                return phone.Event("VIEW", rest);
            case "/link" when rest.Split(' ', 2) is [var url, var title]:
                return phone.Link(url, title);
            case "/location" when rest.Split(' ', 3, StringSplitOptions.TrimEntries) is [var lat, var lon, var label]
                && double.TryParse(lat, NumberStyles.Float, CultureInfo.InvariantCulture, out var latitude)
                && double.TryParse(lon, NumberStyles.Float, CultureInfo.InvariantCulture, out var longitude):
                return phone.Location(latitude, longitude, label);
            default:
                problem = $"看不懂“{line}”。输入 /help 查看命令。";
                return null;
        }
    }
}
