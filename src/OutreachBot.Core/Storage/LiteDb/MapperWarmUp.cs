using LiteDB;

namespace OutreachBot.Storage.LiteDb;

/// <summary>
/// LiteDB 5's BsonMapper builds a type's mapping on first use and is not safe while it does: a second thread can
/// see the mapping half built, and then it remembers "no constructor" for that type for the life of the process.
/// After a restart, the outbox and the ledger's upkeep both read entries at once, and forwarding stopped with
/// "Failed to create instance for type Transition" (a webhook restart test failed now and then). A store maps its
/// types here once, from its constructor, before anything reads them concurrently.
/// </summary>
public static class MapperWarmUp
{
    public static void WarmUp(this BsonMapper mapper, params Type[] types)
    {
        ArgumentNullException.ThrowIfNull(mapper);
        foreach (var type in types)
        {
            try
            {
                // Reading an empty document maps the type; an entity whose constructor refuses empty values throws
                // after the mapping is made, which is all that is wanted here.
                _ = mapper.Deserialize(type, new BsonDocument());
            }
            catch (Exception)
            {
                // Nothing to do: a real read of a stored document reports its own errors.
            }
        }
    }
}
