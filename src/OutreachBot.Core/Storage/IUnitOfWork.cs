namespace OutreachBot.Storage;

/// <summary>
/// Saves through several stores that must happen together or not at all: a binding and the code it used up, a
/// roster import, meeting minutes and the ledger assignments they make. A store's own save is already atomic (a
/// ledger entry with its outbox events); this is for work that spans stores. Nested calls join the outer one.
/// </summary>
public interface IUnitOfWork
{
    T Run<T>(Func<T> work);

    void Run(Action work) => Run(() =>
    {
        work();
        return 0;
    });
}
