using LiteDB;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using OutreachBot.Conversations;

namespace OutreachBot.Storage.LiteDb.Conversations;

/// <summary>
/// Conversation references in the "conversation_references" collection: one document per channel and user
/// ({_id: "channel/user", UserId, Json, LastMessageAt, Vouched}), the reference itself as the SDK's JSON.
/// </summary>
public sealed class LiteDbConversationReferences : IConversationReferences
{
    public const string CollectionName = "conversation_references";

    private readonly ILiteCollection<StoredReference> _references;

    public LiteDbConversationReferences(ILiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        database.Mapper.WarmUp(typeof(StoredReference));
        _references = database.GetCollection<StoredReference>(CollectionName);
        _references.EnsureIndex(r => r.UserId);
    }

    public bool Remember(ConversationReference reference, DateTimeOffset lastMessageAt, bool vouched = true)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var id = IConversationReferences.Key(reference.ChannelId, reference.User?.Id ?? "");
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

    public (ConversationReference Reference, DateTimeOffset LastMessageAt)? Find(string channelId, string userId)
    {
        var stored = channelId == "*"
            ? _references.Find(r => r.UserId == userId).OrderByDescending(r => r.LastMessageAt).FirstOrDefault()
            : _references.FindById(IConversationReferences.Key(channelId, userId));
        return stored is null ? null : (JsonConvert.DeserializeObject<ConversationReference>(stored.Json)!, stored.LastMessageAt);
    }

    public IReadOnlyList<(string ChannelId, DateTimeOffset LastMessageAt)> ChannelsOf(string userId)
    {
        var suffix = "/" + userId;
        return [.. _references.Find(Query.Contains("_id", suffix))
            .Where(r => r.Id.EndsWith(suffix, StringComparison.Ordinal))
            .OrderByDescending(r => r.LastMessageAt)
            .Select(r => (r.Id[..^suffix.Length], r.LastMessageAt))];
    }

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
