namespace OutreachBot.WeChat.Protocol;

/// <summary>What is wrong with a request, and so which 4xx it gets. The message never quotes the request.</summary>
public enum ProtocolFault
{
    /// <summary>400: a missing parameter, bad XML, a DTD, bad base64, a ciphertext or padding that cannot be right.</summary>
    Malformed,

    /// <summary>403: a signature, msg_signature or the app id inside the payload does not match ours.</summary>
    NotFromWeChat,

    /// <summary>403: the timestamp is too far from our clock, as a replayed request's would be.</summary>
    Stale,

    /// <summary>403: the timestamp and nonce of an earlier push came again with another body.</summary>
    Replayed,

    /// <summary>413: the body is over the size limit.</summary>
    TooLarge,
}

public sealed class WeChatProtocolException(ProtocolFault fault, string message) : Exception(message)
{
    public ProtocolFault Fault { get; } = fault;
}
