using LiteDB;

namespace OutreachBot.Storage.LiteDb;

/// <summary>The seed log in the "seeds" collection: one document per seed, {_id, Fingerprint, LoadedAt}.</summary>
public sealed class LiteDbSeedLog(ILiteDatabase database) : ISeedLog
{
    public const string CollectionName = "seeds";

    private readonly ILiteCollection<BsonDocument> _seeds = database.GetCollection(CollectionName);

    public string? FingerprintOf(string seed) => _seeds.FindById(seed)?["Fingerprint"] is { IsString: true } value ? value.AsString : null;

    public void Loaded(string seed, string fingerprint, DateTimeOffset at) =>
        _seeds.Upsert(new BsonDocument { ["_id"] = seed, ["Fingerprint"] = fingerprint, ["LoadedAt"] = at.UtcDateTime });
}
