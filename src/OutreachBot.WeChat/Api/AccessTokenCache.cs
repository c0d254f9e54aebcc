using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OutreachBot.WeChat.Api;

/// <summary>
/// The access token the message APIs need, fetched with AppId and AppSecret and cached for the whole process:
/// fetching a new one invalidates the old one, so exactly one refresh runs at a time and a caller whose token was
/// refused asks for a refresh only if nobody has replaced that token yet. It is refreshed a while before it expires.
/// </summary>
internal sealed class AccessTokenCache(
    IHttpClientFactory httpClients,
    IOptions<WeChatOptions> options,
    TimeProvider clock,
    ILogger<AccessTokenCache> logger) : IDisposable
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile CachedToken? _current;

    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        var current = _current;
        return current is not null && current.FreshAt(clock.GetUtcNow())
            ? current.Value
            : await RefreshAsync(current?.Value, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Fetches a new token unless the one the caller had (<paramref name="refused"/>) was already replaced.</summary>
    public async Task<string> RefreshAsync(string? refused, CancellationToken cancellationToken)
    {
        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = _current;
            if (current is not null && current.Value != refused && current.FreshAt(clock.GetUtcNow()))
            {
                return current.Value;
            }

            _current = await FetchAsync(cancellationToken).ConfigureAwait(false);
            return _current.Value;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private async Task<CachedToken> FetchAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var http = httpClients.CreateClient(WeChatApiClient.HttpClientName);
        var path = $"cgi-bin/token?grant_type=client_credential&appid={Uri.EscapeDataString(settings.AppId)}&secret={Uri.EscapeDataString(settings.AppSecret)}";
        var answer = await http.GetFromJsonAsync<TokenAnswer>(path, cancellationToken).ConfigureAwait(false);
        if (answer is null || answer.ErrorCode != 0 || string.IsNullOrEmpty(answer.AccessToken))
        {
            logger.LogError("WeChat refused an access token (errcode {ErrorCode})", answer?.ErrorCode);
            throw new WeChatApiException(answer?.ErrorCode ?? WeChatApiResult.Unreadable, answer?.ErrorMessage);
        }

        var lifetime = TimeSpan.FromSeconds(Math.Max(answer.ExpiresIn, 60));
        var margin = lifetime / 2 < RefreshMargin ? lifetime / 2 : RefreshMargin;
        logger.LogInformation("Fetched a WeChat access token valid for {Lifetime}", lifetime);
        return new CachedToken(answer.AccessToken, clock.GetUtcNow() + lifetime - margin);
    }

    public void Dispose() => _refresh.Dispose();

    private sealed record CachedToken(string Value, DateTimeOffset RefreshAt)
    {
        public bool FreshAt(DateTimeOffset now) => now < RefreshAt;
    }

    private sealed class TokenAnswer
    {
        [JsonPropertyName("access_token")]
        public string? AccessToken { get; set; }

        [JsonPropertyName("expires_in")]
        public int ExpiresIn { get; set; }

        [JsonPropertyName("errcode")]
        public int ErrorCode { get; set; }

        [JsonPropertyName("errmsg")]
        public string? ErrorMessage { get; set; }
    }
}
