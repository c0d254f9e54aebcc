namespace OutreachBot.WeChat.Api;

public enum DeliveryOutcome
{
    Sent,

    /// <summary>More than 48 hours since the user's last message (or they never wrote, or unfollowed): not tried.</summary>
    OutsideServiceWindow,

    /// <summary>WeChat refused for the window or the quota (45015, 45047) or because the user unfollowed (43004). Not retried.</summary>
    RefusedByWeChat,

    /// <summary>No template id is configured under WeChat:Templates for the name asked for.</summary>
    UnknownTemplate,

    /// <summary>Any other API error, or the API could not be reached.</summary>
    Failed,
}

public enum WeChatRoute
{
    None,
    CustomerService,
    Template,
}

/// <summary>What became of one outgoing message.</summary>
public sealed record WeChatDelivery(DeliveryOutcome Outcome, WeChatRoute Route, int ErrorCode = 0, string? ErrorMessage = null)
{
    public bool Sent => Outcome == DeliveryOutcome.Sent;

    public static WeChatDelivery NotTried(DeliveryOutcome outcome) => new(outcome, WeChatRoute.None);

    internal static WeChatDelivery From(WeChatRoute route, WeChatApiResult result) => result.ErrorCode switch
    {
        0 => new(DeliveryOutcome.Sent, route),
        WeChatApiResult.OutOfTimeLimit or WeChatApiResult.OutOfResponseCount or WeChatApiResult.UserUnsubscribed =>
            new(DeliveryOutcome.RefusedByWeChat, route, result.ErrorCode, result.ErrorMessage),
        _ => new(DeliveryOutcome.Failed, route, result.ErrorCode, result.ErrorMessage),
    };
}
