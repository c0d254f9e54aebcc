using OutreachBot.Bench.Replay.Fakes;
using OutreachBot.WeChat.Protocol;
using OutreachBot.WeChat.Simulator;

namespace OutreachBot.Bench.Replay.Chat;

/// <summary>
/// A follower of the official account on /wechat, spoken to as WeChat's servers do (signed query, safe-mode
/// encryption when the key is set, the product's own <see cref="WeChatPhone"/>). The first reply of a turn comes
/// back passively; the rest, and everything of a turn that ran past the budget, through the customer-service API,
/// which is <see cref="Outside"/>. A resend after a crash is the same XML with the same MsgId, re-signed.
/// </summary>
public sealed class WeChatUser : ChatUser
{
    public const string Token = "bench-wechat-token";
    public const string AesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    public const string Account = "gh_0utreachbench";

    /// <summary>How long to wait for the customer-service messages of a turn answered "success".</summary>
    public static readonly TimeSpan LateReplyWait = TimeSpan.FromSeconds(15);

    private static long _swallowed;
    private readonly Outside _outside;

    public WeChatUser(HttpClient http, Uri host, Outside outside, string openId, bool safeMode)
        : base(openId, "wechat")
    {
        _outside = outside;
        Phone = new WeChatPhone(http, new Uri(host, "wechat"), Token, openId, Account, safeMode ? new WeChatCrypto(AesKey, Outside.AppId) : null);
    }

    public WeChatPhone Phone { get; }

    public override string InboxKey => Outside.WeChatInbox(UserId);

    /// <summary>Deliveries answered "success" whose turn never said anything: the message was taken in and dropped.</summary>
    public static long Swallowed => Interlocked.Read(ref _swallowed);

    protected override async Task<List<string>> FetchMoreAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var first = await _outside.Inboxes.NextAsync(InboxKey, timeout, cancellationToken);
        if (first is null)
        {
            return [];
        }

        // A turn's customer-service messages leave one after another; give the rest a moment.
        await Task.Delay(30, cancellationToken);
        return [first, .. _outside.Inboxes.Drain(InboxKey)];
    }

    protected override List<string> DrainInbox() => _outside.Inboxes.Drain(InboxKey);

    protected override object Prepare(Message message) =>
        message.ImageUrl is { } url ? Phone.Image(url)
        : message.Location is { } place ? Phone.Location(place.Latitude, place.Longitude, place.Label)
        : Phone.Text(message.Text ?? "");

    protected override async Task<(int Status, List<string> Texts)> SendAsync(object prepared, int resends, CancellationToken cancellationToken)
    {
        var reply = await Phone.SendAsync((PhoneMessage)prepared, cancellationToken);
        var status = (int)reply.Status;
        var texts = new List<string>();
        if (reply.Text is { } passive)
        {
            texts.Add(passive);
            texts.AddRange(DrainInbox());
            if (texts.Count == 1 && Scripts.Screens.Of(passive) == Scripts.Screen.TextCut)
            {
                // The notice that a long text was cut went passively; the turn's answer follows through the API.
                texts.AddRange(await FetchMoreAsync(LateReplyWait, cancellationToken));
            }
        }
        else if (reply.IsSuccess)
        {
            // The turn ran late (its replies come through the API) or said nothing.
            var late = await FetchMoreAsync(LateReplyWait, cancellationToken);
            if (late.Count == 0)
            {
                Interlocked.Increment(ref _swallowed);
            }

            texts.AddRange(late);
        }

        return (status, texts);
    }
}
