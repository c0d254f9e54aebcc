using LiteDB;

namespace OutreachBot.Storage.LiteDb;

/// <summary>
/// A LiteDB transaction around the work. LiteDB's transactions belong to a thread, so the work must not await; the
/// lock keeps two units from sharing one. Inside a unit a store's own BeginTrans returns false and joins it.
/// </summary>
public sealed class LiteDbUnitOfWork(ILiteDatabase database) : IUnitOfWork
{
    private readonly Lock _gate = new();

    public T Run<T>(Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        lock (_gate)
        {
            var own = database.BeginTrans();
            try
            {
                var result = work();
                if (own)
                {
                    database.Commit();
                    database.Flush();
                }

                return result;
            }
            catch
            {
                if (own)
                {
                    database.Rollback();
                }

                throw;
            }
        }
    }
}
