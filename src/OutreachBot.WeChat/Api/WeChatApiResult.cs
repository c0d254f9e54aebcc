namespace OutreachBot.WeChat.Api;

/// <summary>The errcode/errmsg every WeChat API answers with (0 = ok); negative codes are ours (unreachable, unreadable).</summary>
public sealed record WeChatApiResult(int ErrorCode, string? ErrorMessage = null, long? MsgId = null)
{
    public const int InvalidCredential = 40001;
    public const int InvalidAccessToken = 40014;
    public const int AccessTokenExpired = 42001;
    public const int OutOfTimeLimit = 45015;
    public const int OutOfResponseCount = 45047;
    public const int UserUnsubscribed = 43004;
    public const int Unreachable = -1;
    public const int Unreadable = -2;

    public bool Ok => ErrorCode == 0;

    /// <summary>The token was refused: another process refreshed it (which invalidates ours) or it ran out.</summary>
    public bool TokenRejected => ErrorCode is InvalidCredential or InvalidAccessToken or AccessTokenExpired;
}

/// <summary>The token endpoint refused (a wrong AppSecret, an IP not on the whitelist…).</summary>
public sealed class WeChatApiException(int errorCode, string? errorMessage)
    : Exception($"WeChat API error {errorCode}: {errorMessage}")
{
    public int ErrorCode { get; } = errorCode;
}
