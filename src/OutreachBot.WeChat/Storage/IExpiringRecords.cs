namespace OutreachBot.WeChat.Storage;

/// <summary>A record kept until a time, after which it counts as absent.</summary>
public interface IExpiringRecord
{
    string Id { get; }

    /// <summary>Unix milliseconds.</summary>
    long ExpiresAtMs { get; }
}

/// <summary>
/// Records that expire, where the first to add an id wins until it expires: the WeChat deliveries taken in and the
/// (timestamp, nonce) pairs seen. Expired records are dropped now and then.
/// </summary>
public interface IExpiringRecords<T>
    where T : class, IExpiringRecord
{
    /// <summary>
    /// Adds the record unless one with its id is still unexpired at <paramref name="now"/>: null when added (over an
    /// expired one, if any), else the earlier record, left as it was. Of two racing adds of one id, one gets the other's.
    /// </summary>
    T? TryAdd(T record, DateTimeOffset now);

    /// <summary>The record with this id, expired or not, if it has not been dropped yet.</summary>
    T? Find(string id);

    /// <summary>Adds the record or replaces the one with its id.</summary>
    void Put(T record);
}
