using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OutreachBot.Conversations;
using OutreachBot.WeChat.Activities;
using OutreachBot.WeChat.Api;
using OutreachBot.WeChat.Protocol;
using OutreachBot.WeChat.Turns;

namespace OutreachBot.WeChat.Endpoint;

/// <summary>
/// GET /wechat answers WeChat's server verification; POST /wechat takes a message or event in, runs at most one
/// turn for it, and answers within the passive-reply budget: the turn's first reply as passive XML (encrypted when
/// the request was), or "success" when the turn runs late or said nothing (its replies then go through the API).
/// </summary>
internal sealed class WeChatEndpoint(
    IOptions<WeChatOptions> options,
    Deliveries deliveries,
    NonceLog nonces,
    ServiceWindow window,
    WeChatAdapter adapter,
    IBot bot,
    CustomerServiceOutbox outbox,
    BackgroundWork background,
    TimeProvider clock,
    ILogger<WeChatEndpoint> logger)
{
    private const string Success = "success";
    private readonly WeChatOptions _options = options.Value;
    private readonly WeChatCrypto? _crypto = options.Value.CanDecrypt ? new WeChatCrypto(options.Value.EncodingAESKey, options.Value.AppId) : null;

    public async Task VerifyAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        string echo;
        try
        {
            echo = InboundRequest.ReadVerification(http.Request, _options, clock.GetUtcNow());
        }
        catch (WeChatProtocolException e)
        {
            await RefuseAsync(http, e).ConfigureAwait(false);
            return;
        }

        // Byte for byte: no quotes, no JSON, no newline, or WeChat's console reports 「token验证失败」.
        await WriteAsync(http, "text/plain", echo).ConfigureAwait(false);
    }

    public async Task ReceiveAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var arrived = Stopwatch.GetTimestamp();
        InboundRequest request;
        try
        {
            request = await InboundRequest.ReadMessageAsync(http.Request, _options, _crypto, nonces, clock.GetUtcNow(), http.RequestAborted).ConfigureAwait(false);
        }
        catch (WeChatProtocolException e)
        {
            await RefuseAsync(http, e).ConfigureAwait(false);
            return;
        }

        var message = request.Message!;
        if (message.OpensServiceWindow)
        {
            window.Opened(message.FromUserName);
        }
        else if (message.Event == "unsubscribe")
        {
            window.Unsubscribed(message.FromUserName);
        }

        var reply = await AnswerAsync(http, message, arrived).ConfigureAwait(false);
        if (reply is null)
        {
            await WriteAsync(http, "text/plain", Success).ConfigureAwait(false);
        }
        else if (request.Encrypted)
        {
            var encrypt = _crypto!.Encrypt(reply);
            var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            var signature = WeChatSignature.Compute(_options.Token, timestamp, request.Nonce, encrypt);
            await WriteAsync(http, "application/xml", WeChatXml.EncryptedReply(encrypt, signature, timestamp, request.Nonce)).ConfigureAwait(false);
        }
        else
        {
            await WriteAsync(http, "application/xml", reply).ConfigureAwait(false);
        }
    }

    /// <summary>The passive reply XML (before encryption), or null for "success".</summary>
    private async Task<string?> AnswerAsync(HttpContext http, InboundMessage message, long arrived)
    {
        var admission = deliveries.Admit(message.DedupKey);
        switch (admission.Kind)
        {
            case AdmissionKind.New:
                return await RunTurnAsync(http, message, arrived).ConfigureAwait(false);
            case AdmissionKind.Running:
                logger.LogInformation("WeChat retried a delivery from {User} that is still running; waiting for its reply", Redact.Id(message.FromUserName));
                try
                {
                    return await admission.FirstDelivery!.WaitAsync(Remaining(arrived)).ConfigureAwait(false);
                }
                catch (TimeoutException)
                {
                    return null;
                }

            case AdmissionKind.Answered:
                logger.LogInformation("WeChat retried a delivery from {User} that was answered; answering the same", Redact.Id(message.FromUserName));
                return admission.Reply;
            default:
                logger.LogWarning("WeChat retried a delivery from {User} that a stopped process took in; it is not run again", Redact.Id(message.FromUserName));
                return null;
        }
    }

    private async Task<string?> RunTurnAsync(HttpContext http, InboundMessage message, long arrived)
    {
        var responseSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        http.Response.OnCompleted(() =>
        {
            responseSent.TrySetResult();
            return Task.CompletedTask;
        });

        string? passive = null;
        try
        {
            var activity = ActivityMapper.ToActivity(message, _options.ApiBaseUrl);
            var turn = new WeChatTurn(message.FromUserName, silent: message.Event == "unsubscribe", outbox);

            // The turn is not tied to the request: it goes on after WeChat has its answer.
            var running = background.Run(() => adapter.ProcessAsync(activity, turn, bot, CancellationToken.None));

            // Real time, not the TimeProvider: WeChat's 5 seconds are wall-clock seconds.
            await running.WaitAsync(Remaining(arrived)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            var finished = running.IsCompleted;
            var text = turn.Decide(finished, responseSent.Task);
            if (!finished)
            {
                logger.LogInformation("Turn for {User} ran past the passive-reply budget; its replies go through the customer-service API", Redact.Id(message.FromUserName));
            }

            passive = text is null ? null : WeChatXml.TextReply(message.FromUserName, message.ToUserName, clock.GetUtcNow().ToUnixTimeSeconds(), text);
            return passive;
        }
        finally
        {
            deliveries.Decided(message.DedupKey, passive);
        }
    }

    private TimeSpan Remaining(long arrived)
    {
        var left = _options.PassiveReplyBudget - Stopwatch.GetElapsedTime(arrived);
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    private async Task RefuseAsync(HttpContext http, WeChatProtocolException refusal)
    {
        var status = refusal.Fault switch
        {
            ProtocolFault.NotFromWeChat or ProtocolFault.Stale or ProtocolFault.Replayed => StatusCodes.Status403Forbidden,
            ProtocolFault.TooLarge => StatusCodes.Status413PayloadTooLarge,
            _ => StatusCodes.Status400BadRequest,
        };
        logger.LogWarning("Refused a call to /wechat with {Status}: {Reason}", status, refusal.Message);
        http.Response.StatusCode = status;
        if (refusal.Fault == ProtocolFault.TooLarge)
        {
            // The rest of the body is left unread: the connection cannot carry another request.
            http.Response.Headers.Connection = "close";
        }

        await WriteAsync(http, "text/plain", refusal.Message).ConfigureAwait(false);
    }

    private static Task WriteAsync(HttpContext http, string contentType, string body)
    {
        http.Response.ContentType = contentType + "; charset=utf-8";
        return http.Response.WriteAsync(body, http.RequestAborted);
    }
}
