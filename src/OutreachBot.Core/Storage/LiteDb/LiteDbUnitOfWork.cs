using LiteDB;

namespace OutreachBot.Storage.LiteDb;

/// <summary>
/// A LiteDB transaction around the work. LiteDB's transactions belong to a thread, so the work must not await; the
/// lock keeps two units from sharing one. Inside a unit a store's own BeginTrans returns false and joins it.
/// </summary>
public sealed class LiteDbUnitOfWork(ILiteDatabase database) : IUnitOfWork
{
    [ThreadStatic]
    private static List<Action>? t_afterCommit;

    private readonly Lock _gate = new();

    /// <summary>
    /// Runs <paramref name="action"/> once the unit running on this thread has committed (never, if it rolls back), or
    /// at once outside a unit: a store that wakes a reader of what it wrote (the outbox dispatcher) must not wake it
    /// before the write is visible, or the reader finds nothing and sleeps until its next poll.
    /// </summary>
    public static void AfterCommit(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (t_afterCommit is { } pending)
        {
            pending.Add(action);
        }
        else
        {
            action();
        }
    }

    public T Run<T>(Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        lock (_gate)
        {
            var own = database.BeginTrans();
            if (own)
            {
                t_afterCommit = [];
            }

            try
            {
                var result = work();
                if (own)
                {
                    database.Commit();
                    database.Flush();
                    var pending = t_afterCommit!;
                    t_afterCommit = null;
                    pending.ForEach(action => action());
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
            finally
            {
                if (own)
                {
                    t_afterCommit = null;
                }
            }
        }
    }
}
