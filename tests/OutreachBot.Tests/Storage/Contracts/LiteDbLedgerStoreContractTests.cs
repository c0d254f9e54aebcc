using LiteDB;
using Microsoft.Extensions.Options;
using OutreachBot.Ledger.Forwarding;
using OutreachBot.Storage;
using OutreachBot.Storage.LiteDb;
using OutreachBot.Storage.LiteDb.Ledger;
using OutreachBot.Tests.Support;

namespace OutreachBot.Tests.Storage.Contracts;

/// <summary>The ledger's storage contract on a LiteDB file.</summary>
public sealed class LiteDbLedgerStoreContractTests : LedgerStoreContract, IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly List<IDisposable> _opened = [];

    protected override LedgerStores Create()
    {
        LiteDatabase database = Database.Open(new StorageOptions { Path = _folder.File($"ledger-{_opened.Count}.db") }, _folder.Path);
        var signal = new OutboxSignal(Clock);
        _opened.Add(signal);
        _opened.Add(database);
        var outbox = new LiteDbLedgerOutbox(database, Options.Create(new ForwardingOptions { Adapters = [.. Adapters] }), Clock);
        return new LedgerStores(new LiteDbLedgerStore(database, outbox, signal), outbox, new LiteDbTrackingCounters(database), new LiteDbUnitOfWork(database), signal);
    }

    public void Dispose()
    {
        foreach (var opened in _opened)
        {
            opened.Dispose();
        }

        _folder.Dispose();
    }
}
