using System.Globalization;

namespace OutreachBot.WeChat.Protocol;

/// <summary>One message or event pushed by WeChat, as the fields of its (decrypted) XML.</summary>
public sealed class InboundMessage
{
    private InboundMessage(IReadOnlyDictionary<string, string> fields, long createTime)
    {
        Fields = fields;
        CreateTime = createTime;
    }

    public IReadOnlyDictionary<string, string> Fields { get; }

    /// <summary>Our account's original id (gh_…).</summary>
    public string ToUserName => this["ToUserName"];

    /// <summary>The sender's OpenID: personal data, never logged unhashed.</summary>
    public string FromUserName => this["FromUserName"];

    public long CreateTime { get; }

    public string MsgType => this["MsgType"];

    public string MsgId => this["MsgId"];

    public string Event => this["Event"];

    public string EventKey => this["EventKey"];

    public bool IsEvent => MsgType == "event";

    public string this[string name] => Fields.TryGetValue(name, out var value) ? value : "";

    /// <summary>
    /// What identifies a delivery across WeChat's retries: MsgId for messages, FromUserName + CreateTime for events
    /// (the doc's keys). The sender is part of both, since MsgId alone has collided between users, and the event
    /// name is part of the event key, since two events of one user can share a second.
    /// </summary>
    public string DedupKey => MsgId.Length > 0
        ? $"m|{FromUserName}|{MsgId}"
        : $"e|{FromUserName}|{CreateTime.ToString(CultureInfo.InvariantCulture)}|{MsgType}|{Event}";

    /// <summary>
    /// Whether this opens the 48-hour window for customer-service messages: a message, a follow, a QR scan or a menu
    /// click that pushes an event. Opening a link menu (VIEW), a location report or an unfollow does not.
    /// </summary>
    public bool OpensServiceWindow => !IsEvent || Event is "subscribe" or "SCAN" or "CLICK" or "scancode_push" or "scancode_waitmsg";

    public static InboundMessage From(IReadOnlyDictionary<string, string> fields)
    {
        foreach (var required in new[] { "ToUserName", "FromUserName", "CreateTime", "MsgType" })
        {
            if (!fields.TryGetValue(required, out var value) || string.IsNullOrWhiteSpace(value))
            {
                throw new WeChatProtocolException(ProtocolFault.Malformed, $"The message has no {required}.");
            }
        }

        if (!long.TryParse(fields["CreateTime"], NumberStyles.None, CultureInfo.InvariantCulture, out var createTime))
        {
            throw new WeChatProtocolException(ProtocolFault.Malformed, "CreateTime is not a number.");
        }

        var message = new InboundMessage(fields, createTime);
        if (message.IsEvent && message.Event.Length == 0)
        {
            throw new WeChatProtocolException(ProtocolFault.Malformed, "The event has no Event.");
        }

        return message;
    }
}
