using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;

namespace OutreachBot.WeChat.Api;

/// <summary>
/// The two sending APIs: customer-service messages (replies within the 48-hour window) and template messages
/// (notices outside it). A refused token (40001, 40014, 42001) is refreshed and the call retried once; every other
/// error is returned as it is, never retried here (45015 would only fail again, and a message sent twice is worse
/// than once). Transport retries of the HTTP client apply to the token GET only, as POSTs are not idempotent.
/// </summary>
internal sealed class WeChatApiClient(IHttpClientFactory httpClients, AccessTokenCache tokens, ILogger<WeChatApiClient> logger)
{
    public const string HttpClientName = "WeChat";

    public Task<WeChatApiResult> SendCustomTextAsync(string openId, string text, CancellationToken cancellationToken) =>
        PostAsync("cgi-bin/message/custom/send", new JsonObject
        {
            ["touser"] = openId,
            ["msgtype"] = "text",
            ["text"] = new JsonObject { ["content"] = text },
        }, cancellationToken);

    public Task<WeChatApiResult> SendTemplateAsync(string openId, string templateId, IReadOnlyDictionary<string, string> data, string? url, CancellationToken cancellationToken)
    {
        var fields = new JsonObject();
        foreach (var (name, value) in data)
        {
            fields[name] = new JsonObject { ["value"] = value };
        }

        var body = new JsonObject { ["touser"] = openId, ["template_id"] = templateId, ["data"] = fields };
        if (!string.IsNullOrEmpty(url))
        {
            body["url"] = url;
        }

        return PostAsync("cgi-bin/message/template/send", body, cancellationToken);
    }

    private async Task<WeChatApiResult> PostAsync(string path, JsonObject body, CancellationToken cancellationToken)
    {
        try
        {
            var token = await tokens.GetAsync(cancellationToken).ConfigureAwait(false);
            var result = await PostOnceAsync(path, token, body, cancellationToken).ConfigureAwait(false);
            if (result.TokenRejected)
            {
                logger.LogWarning("WeChat refused the access token (errcode {ErrorCode}); refreshing it and retrying once", result.ErrorCode);
                token = await tokens.RefreshAsync(token, cancellationToken).ConfigureAwait(false);
                result = await PostOnceAsync(path, token, body, cancellationToken).ConfigureAwait(false);
            }

            return result;
        }
        catch (WeChatApiException e)
        {
            return new WeChatApiResult(e.ErrorCode, e.Message);
        }
        catch (JsonException)
        {
            logger.LogError("WeChat's token endpoint answered something that is not its JSON");
            return new WeChatApiResult(WeChatApiResult.Unreadable, "unreadable token answer");
        }
        catch (HttpRequestException e)
        {
            logger.LogError("WeChat API unreachable ({ExceptionType})", e.GetType().Name);
            return new WeChatApiResult(WeChatApiResult.Unreachable, "unreachable");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError("WeChat API timed out");
            return new WeChatApiResult(WeChatApiResult.Unreachable, "timed out");
        }
    }

    private async Task<WeChatApiResult> PostOnceAsync(string path, string token, JsonObject body, CancellationToken cancellationToken)
    {
        var http = httpClients.CreateClient(HttpClientName);
        using var response = await http.PostAsJsonAsync($"{path}?access_token={Uri.EscapeDataString(token)}", body, cancellationToken).ConfigureAwait(false);
        Answer? answer;
        try
        {
            answer = await response.Content.ReadFromJsonAsync<Answer>(cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            answer = null;
        }

        return answer is null
            ? new WeChatApiResult(WeChatApiResult.Unreadable, $"HTTP {(int)response.StatusCode} without a JSON answer")
            : new WeChatApiResult(answer.ErrorCode, answer.ErrorMessage, answer.MsgId);
    }

    private sealed class Answer
    {
        [JsonPropertyName("errcode")]
        public int ErrorCode { get; set; }

        [JsonPropertyName("errmsg")]
        public string? ErrorMessage { get; set; }

        [JsonPropertyName("msgid")]
        public long? MsgId { get; set; }
    }
}
