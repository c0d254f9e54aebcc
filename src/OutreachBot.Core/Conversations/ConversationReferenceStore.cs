using LiteDB;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace OutreachBot.Conversations;

/// <summary>
/// Where to reach each user later (reminders, follow-ups, overdue notices): their last conversation reference,
/// kept in LiteDB so proactive messages survive restarts (the SDK samples keep them in memory and lose them).
/// </summary>
public sealed class ConversationReferenceStore(ILiteDatabase database)
{
    private readonly ILiteCollection<StoredReference> _references = Open(database);

    private static ILiteCollection<StoredReference> Open(ILiteDatabase database)
    {
        var references = database.GetCollection<StoredReference>("conversation_references");
        references.EnsureIndex(r => r.UserId);
        return references;
    }

    public static string Key(string channelId, string userId) => channelId + "/" + userId;

    /// <summary>
    /// Keeps the user's latest reference. A newer one replaces the older one, because people start new conversations
    /// on the same channel (Direct Line gives one per session) and notices must follow them. What limits who can
    /// write here is upstream: a channel's token (which vouches for from.id and serviceUrl), WeChat's signature, the
    /// console, or an anonymous request whose serviceUrl is this machine. Only one case is refused here: a reference
    /// nobody vouched for (<paramref name="vouched"/> false, an anonymous request) never replaces one a channel vouched
    /// for, so an anonymous caller cannot take over where a channel user's notices go. Returns whether it was kept.
    /// </summary>
    public bool Remember(ConversationReference reference, DateTimeOffset lastMessageAt, bool vouched = true)
    {
        var id = Key(reference.ChannelId, reference.User?.Id ?? "");
        if (!vouched && _references.FindById(id) is { Vouched: true })
        {
            return false;
        }

        _references.Upsert(new StoredReference
        {
            Id = id,
            UserId = reference.User?.Id ?? "",
            Json = JsonConvert.SerializeObject(reference),
            LastMessageAt = lastMessageAt,
            Vouched = vouched,
        });
        return true;
    }

    /// <summary>The reference on that channel; with channel "*", the user's most recent one on any channel.</summary>
    public (ConversationReference Reference, DateTimeOffset LastMessageAt)? Find(string channelId, string userId)
    {
        var stored = channelId == "*"
            ? _references.Find(r => r.UserId == userId).OrderByDescending(r => r.LastMessageAt).FirstOrDefault()
            : _references.FindById(Key(channelId, userId));
        return stored is null ? null : (JsonConvert.DeserializeObject<ConversationReference>(stored.Json)!, stored.LastMessageAt);
    }

    /// <summary>
    /// The channels a user id has written from, most recent first: for bindings that hold on every channel (the demo
    /// identities), where the channel is not known in advance.
    /// </summary>
    public IReadOnlyList<(string ChannelId, DateTimeOffset LastMessageAt)> ChannelsOf(string userId)
    {
        var suffix = "/" + userId;
        return [.. _references.Find(Query.Contains("_id", suffix))
            .Where(r => r.Id.EndsWith(suffix, StringComparison.Ordinal))
            .OrderByDescending(r => r.LastMessageAt)
            .Select(r => (r.Id[..^suffix.Length], r.LastMessageAt))];
    }

    /// <summary>Forgets where to reach users who have not written since <paramref name="cutoff"/>.</summary>
    public int ForgetUnusedSince(DateTimeOffset cutoff) => _references.DeleteMany(r => r.LastMessageAt < cutoff);

    private sealed class StoredReference
    {
        public string Id { get; set; } = "";

        public string UserId { get; set; } = "";

        public string Json { get; set; } = "";

        public DateTimeOffset LastMessageAt { get; set; }

        /// <summary>Written by a turn a channel vouched for; references stored before this field existed read as false.</summary>
        public bool Vouched { get; set; }
    }
}
