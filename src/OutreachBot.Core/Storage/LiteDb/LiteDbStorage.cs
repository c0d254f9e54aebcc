using LiteDB;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OutreachBot.Storage.LiteDb;

/// <summary>
/// Bot Framework <see cref="IStorage"/> on LiteDB, with the SDK's storage semantics: an item written with an ETag
/// other than "*" must match the stored one, or the write fails with <see cref="StoragePreconditionFailedException"/>.
/// Unlike MemoryStorage, the ETag check also covers BotState's dictionaries (they carry "eTag" after a read), so a
/// second process or a racing turn cannot silently overwrite conversation state.
/// </summary>
public sealed class LiteDbStorage : IStorage, IStateRetention
{
    public const string CollectionName = "bot_state";
    private const string ETagKey = "eTag";

    private readonly ILiteDatabase _database;
    private readonly ILiteCollection<StoredItem> _items;
    private readonly KeyedLocks _locks = new();
    private readonly TimeProvider _clock;

    public LiteDbStorage(ILiteDatabase database, TimeProvider? clock = null)
    {
        _database = database;
        _clock = clock ?? TimeProvider.System;
        _items = database.GetCollection<StoredItem>(CollectionName);
    }

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<string, object>(keys.Length);
        foreach (var key in keys.Distinct())
        {
            var stored = _items.FindById(key);
            if (stored is null)
            {
                continue;
            }

            var value = StateSerializer.Deserialize(stored.Json);
            switch (value)
            {
                case IStoreItem storeItem:
                    storeItem.ETag = stored.ETag;
                    break;
                case IDictionary<string, object> dictionary:
                    dictionary[ETagKey] = stored.ETag;
                    break;
            }

            if (value is not null)
            {
                result[key] = value;
            }
        }

        return Task.FromResult<IDictionary<string, object>>(result);
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var (key, value) in changes)
        {
            using (await _locks.AcquireAsync(key, cancellationToken).ConfigureAwait(false))
            {
                var expected = ExpectedETag(value);
                var current = _items.FindById(key);
                if (current is not null && expected is not null && expected != "*" && expected != current.ETag)
                {
                    throw new StoragePreconditionFailedException($"ETag conflict on a stored item (expected {expected}, stored {current.ETag}).");
                }

                var json = StateSerializer.Serialize(value, ETagKey);
                _items.Upsert(new StoredItem { Id = key, ETag = NewETag(), Json = json, SavedAt = _clock.GetUtcNow().UtcDateTime });
            }
        }

        // The answer a user is given must not outlive the state it came from (see Durable).
        if (changes.Count > 0)
        {
            _database.Flush();
        }
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
        {
            _items.Delete(key);
        }

        return Task.CompletedTask;
    }

    /// <summary>Items saved before the save time was recorded start counting now.</summary>
    public int ForgetUnusedSince(DateTimeOffset cutoff)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        foreach (var legacy in _items.Find(i => i.SavedAt == null).ToList())
        {
            legacy.SavedAt = now;
            _items.Update(legacy);
        }

        var limit = cutoff.UtcDateTime;
        return _items.DeleteMany(i => i.SavedAt < limit);
    }

    private static string? ExpectedETag(object? value) => value switch
    {
        IStoreItem item => item.ETag,
        IDictionary<string, object> dictionary when dictionary.TryGetValue(ETagKey, out var tag) => tag?.ToString(),
        JObject json => json.Value<string>(ETagKey),
        _ => null,
    };

    private static string NewETag() => Guid.NewGuid().ToString("N");

    private sealed class StoredItem
    {
        public string Id { get; set; } = "";

        public string ETag { get; set; } = "";

        public string Json { get; set; } = "";

        public DateTime? SavedAt { get; set; }
    }
}
