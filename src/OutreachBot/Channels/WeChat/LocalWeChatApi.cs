using System.Text.Json.Nodes;

namespace OutreachBot.Channels.WeChat;

/// <summary>
/// For the simulator: a stand-in for api.weixin.qq.com on a local address, so that replies the bot sends through
/// the customer-service or template API show up in the terminal. Run the bot with WeChat__ApiBaseUrl pointing here.
/// It accepts every token and message; it is not for production.
/// </summary>
public sealed class LocalWeChatApi : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LocalWeChatApi(WebApplication app) => _app = app;

    public static async Task<LocalWeChatApi> StartAsync(string url, Action<string> show)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        var app = builder.Build();
        app.MapGet("/cgi-bin/token", () => Results.Json(new { access_token = "simulator-token", expires_in = 7200 }));
        app.MapPost("/cgi-bin/message/custom/send", async (HttpRequest request) =>
        {
            var body = await ReadAsync(request);
            show($"[客服消息接口] {(string?)body["text"]?["content"] ?? body.ToJsonString()}");
            return Results.Json(new { errcode = 0, errmsg = "ok" });
        });
        app.MapPost("/cgi-bin/message/template/send", async (HttpRequest request) =>
        {
            var body = await ReadAsync(request);
            var data = (body["data"] as JsonObject)?.Select(p => $"{p.Key}={(string?)p.Value?["value"]}") ?? [];
            show($"[模板消息 {(string?)body["template_id"]}] {string.Join("，", data)}");
            return Results.Json(new { errcode = 0, errmsg = "ok", msgid = 1 });
        });
        await app.StartAsync();
        return new LocalWeChatApi(app);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static async Task<JsonObject> ReadAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        return JsonNode.Parse(await reader.ReadToEndAsync()) as JsonObject ?? [];
    }
}
