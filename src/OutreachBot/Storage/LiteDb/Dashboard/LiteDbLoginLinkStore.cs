using LiteDB;
using OutreachBot.Dashboard;

namespace OutreachBot.Storage.LiteDb.Dashboard;

/// <summary>Login links in the "dashboard_login_links" collection: {_id: hash, StaffId, CreatedAt, ExpiresAt, UsedAt}.</summary>
public sealed class LiteDbLoginLinkStore : ILoginLinkStore
{
    public const string CollectionName = "dashboard_login_links";

    private readonly ILiteCollection<StoredLink> _links;

    /// <summary>Makes reading a link and marking it used one step.</summary>
    private readonly Lock _gate = new();

    public LiteDbLoginLinkStore(ILiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        database.Mapper.WarmUp(typeof(StoredLink));
        _links = database.GetCollection<StoredLink>(CollectionName);
        _links.EnsureIndex(l => l.ExpiresAt);
    }

    public void Add(LoginLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        _links.Insert(new StoredLink { Id = link.Hash, StaffId = link.StaffId, CreatedAt = link.CreatedAt, ExpiresAt = link.ExpiresAt, UsedAt = link.UsedAt });
    }

    public LoginLink? Find(string hash) =>
        _links.FindById(hash) is { } stored ? new LoginLink(stored.Id, stored.StaffId, stored.CreatedAt, stored.ExpiresAt, stored.UsedAt) : null;

    public bool MarkUsed(string hash, DateTimeOffset at)
    {
        lock (_gate)
        {
            var stored = _links.FindById(hash);
            if (stored is null || stored.UsedAt is not null)
            {
                return false;
            }

            stored.UsedAt = at;
            return _links.Update(stored);
        }
    }

    public int ForgetExpiredBefore(DateTimeOffset cutoff) => _links.DeleteMany(l => l.ExpiresAt < cutoff);

    private sealed class StoredLink
    {
        public string Id { get; set; } = "";

        public string StaffId { get; set; } = "";

        public DateTimeOffset CreatedAt { get; set; }

        public DateTimeOffset ExpiresAt { get; set; }

        public DateTimeOffset? UsedAt { get; set; }
    }
}
