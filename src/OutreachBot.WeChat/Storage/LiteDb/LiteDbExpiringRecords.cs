using LiteDB;

namespace OutreachBot.WeChat.Storage.LiteDb;

/// <summary>
/// Expiring records in one LiteDB collection, one document per record ({_id, its fields…, ExpiresAtMs}, indexed on
/// ExpiresAtMs). The insert of an existing id fails, which is what makes the first add win; expired documents are
/// deleted at most once a minute, on an add.
/// </summary>
public sealed class LiteDbExpiringRecords<T> : IExpiringRecords<T>
    where T : class, IExpiringRecord
{
    private static readonly TimeSpan PurgeEvery = TimeSpan.FromMinutes(1);

    private readonly ILiteCollection<T> _records;
    private long _nextPurgeMs;

    public LiteDbExpiringRecords(ILiteDatabase database, string collectionName)
    {
        ArgumentNullException.ThrowIfNull(database);
        _records = database.GetCollection<T>(collectionName);
        _records.EnsureIndex(nameof(IExpiringRecord.ExpiresAtMs), "$." + nameof(IExpiringRecord.ExpiresAtMs));
    }

    public T? TryAdd(T record, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        var nowMs = now.ToUnixTimeMilliseconds();
        PurgeExpired(nowMs);
        try
        {
            _records.Insert(record);
            return null;
        }
        catch (LiteException e) when (e.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            var earlier = _records.FindById(record.Id);
            if (earlier is null || earlier.ExpiresAtMs <= nowMs)
            {
                _records.Upsert(record);
                return null;
            }

            return earlier;
        }
    }

    public T? Find(string id) => _records.FindById(id);

    public void Put(T record) => _records.Upsert(record);

    private void PurgeExpired(long nowMs)
    {
        if (nowMs < Interlocked.Read(ref _nextPurgeMs))
        {
            return;
        }

        Interlocked.Exchange(ref _nextPurgeMs, nowMs + (long)PurgeEvery.TotalMilliseconds);
        _records.DeleteMany("$." + nameof(IExpiringRecord.ExpiresAtMs) + " <= @0", nowMs);
    }
}
