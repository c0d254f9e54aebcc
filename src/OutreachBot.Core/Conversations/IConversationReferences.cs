using Microsoft.Bot.Schema;

namespace OutreachBot.Conversations;

/// <summary>
/// Where to reach each user later (reminders, follow-ups, overdue notices): their last conversation reference per
/// channel, kept in the database so proactive messages survive restarts (the SDK samples keep them in memory and lose
/// them).
/// </summary>
public interface IConversationReferences
{
    /// <summary>One user on one channel; references are kept per key.</summary>
    static string Key(string channelId, string userId) => channelId + "/" + userId;

    /// <summary>
    /// Keeps the user's latest reference. A newer one replaces the older one, because people start new conversations
    /// on the same channel (Direct Line gives one per session) and notices must follow them. What limits who can
    /// write here is upstream: a channel's token (which vouches for from.id and serviceUrl), WeChat's signature, the
    /// console, or an anonymous request whose serviceUrl is this machine. Only one case is refused here: a reference
    /// nobody vouched for (<paramref name="vouched"/> false, an anonymous request) never replaces one a channel vouched
    /// for, so an anonymous caller cannot take over where a channel user's notices go. Returns whether it was kept.
    /// </summary>
    bool Remember(ConversationReference reference, DateTimeOffset lastMessageAt, bool vouched = true);

    /// <summary>The reference on that channel; with channel "*", the user's most recent one on any channel.</summary>
    (ConversationReference Reference, DateTimeOffset LastMessageAt)? Find(string channelId, string userId);

    /// <summary>
    /// The channels a user id has written from, most recent first: for bindings that hold on every channel (the demo
    /// identities), where the channel is not known in advance.
    /// </summary>
    IReadOnlyList<(string ChannelId, DateTimeOffset LastMessageAt)> ChannelsOf(string userId);

    /// <summary>Forgets where to reach users who have not written since <paramref name="cutoff"/>; returns how many.</summary>
    int ForgetUnusedSince(DateTimeOffset cutoff);
}
