using LiteDB;
using OutreachBot.Dashboard;
using OutreachBot.Storage;
using OutreachBot.Storage.LiteDb;
using OutreachBot.Storage.LiteDb.Dashboard;
using OutreachBot.Tests.Support;

namespace OutreachBot.Tests.Storage.Contracts;

/// <summary>What any backend's login links must do.</summary>
public abstract class DashboardStoreContract
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8));

    protected abstract ILoginLinkStore CreateLoginLinks();

    [Fact]
    public void A_link_reads_back_as_it_was_added()
    {
        var links = CreateLoginLinks();
        links.Add(new LoginLink("hash-1", "S02", Now, Now.AddMinutes(15)));

        Assert.Equal(new LoginLink("hash-1", "S02", Now, Now.AddMinutes(15)), links.Find("hash-1"));
        Assert.Null(links.Find("hash-2"));
    }

    [Fact]
    public void A_link_is_spent_once()
    {
        var links = CreateLoginLinks();
        links.Add(new LoginLink("hash-1", "S02", Now, Now.AddMinutes(15)));

        Assert.True(links.MarkUsed("hash-1", Now.AddMinutes(1)));
        Assert.False(links.MarkUsed("hash-1", Now.AddMinutes(2)));
        Assert.False(links.MarkUsed("hash-2", Now.AddMinutes(2)));

        Assert.Equal(Now.AddMinutes(1), links.Find("hash-1")!.UsedAt);
    }

    [Fact]
    public void Links_that_expired_before_the_cutoff_are_forgotten()
    {
        var links = CreateLoginLinks();
        links.Add(new LoginLink("old", "S02", Now.AddDays(-3), Now.AddDays(-3).AddMinutes(15)));
        links.Add(new LoginLink("new", "S02", Now, Now.AddMinutes(15)));

        Assert.Equal(1, links.ForgetExpiredBefore(Now.AddDays(-1)));

        Assert.Null(links.Find("old"));
        Assert.NotNull(links.Find("new"));
    }
}

public sealed class LiteDbDashboardStoreContractTests : DashboardStoreContract, IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly LiteDatabase _database;

    public LiteDbDashboardStoreContractTests() => _database = Database.Open(new StorageOptions { Path = _folder.File("bot.db") }, _folder.Path);

    protected override ILoginLinkStore CreateLoginLinks() => new LiteDbLoginLinkStore(_database);

    public void Dispose()
    {
        _database.Dispose();
        _folder.Dispose();
    }
}
