using LiteDB;
using OutreachBot.Identity;
using OutreachBot.Storage;
using OutreachBot.Storage.LiteDb;
using OutreachBot.Storage.LiteDb.Identity;
using OutreachBot.Tests.Support;

namespace OutreachBot.Tests.Storage.Contracts;

/// <summary>What any backend's bindings, bind codes and wrong-code counts must do.</summary>
public abstract class IdentityStoreContract
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.FromHours(8));

    /// <summary>A store on the backend's one database: two calls see the same data.</summary>
    protected abstract IBindingStore CreateStore();

    [Fact]
    public void A_bind_uses_the_code_saves_the_binding_and_forgets_that_identitys_wrong_codes_together()
    {
        var store = CreateStore();
        store.AddCode(Code("hash-1"));
        store.AddFailedAttempt("wechat|o-1", Now.AddMinutes(-1), Now.AddHours(-1), Now.AddHours(-1));
        store.AddFailedAttempt("wechat|o-2", Now.AddMinutes(-1), Now.AddHours(-1), Now.AddHours(-1));

        Assert.True(store.Bind("hash-1", new Binding("wechat", "o-1", Role.Cadre, "C101", Now)));

        var code = store.FindCode("hash-1")!;
        Assert.Equal(Now, code.UsedAt);
        Assert.Equal("wechat|o-1", code.UsedBy);
        Assert.Equal(BindOutcome.AlreadyUsed, code.Check(Now));
        Assert.Equal("C101", store.Find("wechat", "o-1", withDemo: false)!.PersonId);
        Assert.Empty(store.FailedAttemptsOf("wechat|o-1"));
        Assert.Single(store.FailedAttemptsOf("wechat|o-2"));
        Assert.Equal(2, store.CountyFailedAttempts().Count);
    }

    [Fact]
    public void A_code_binds_once_and_a_second_bind_with_it_changes_nothing()
    {
        var store = CreateStore();
        store.AddCode(Code("hash-1"));
        store.Bind("hash-1", new Binding("wechat", "o-1", Role.Cadre, "C101", Now));

        Assert.False(store.Bind("hash-1", new Binding("wechat", "o-2", Role.Cadre, "C101", Now.AddMinutes(1))));

        Assert.Null(store.Find("wechat", "o-2", withDemo: false));
        Assert.Equal("wechat|o-1", store.FindCode("hash-1")!.UsedBy);
        Assert.Single(store.BindingsOf("C101"));
    }

    [Fact]
    public async Task Of_binds_racing_with_one_code_exactly_one_succeeds()
    {
        var store = CreateStore();
        store.AddCode(Code("hash-1"));
        using var start = new Barrier(8);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
        {
            start.SignalAndWait();
            return store.Bind("hash-1", new Binding("wechat", "o-" + i, Role.Cadre, "C101", Now));
        })));

        Assert.Single(results, bound => bound);
        Assert.Single(CreateStore().BindingsOf("C101"));
    }

    [Fact]
    public void An_unknown_or_expired_code_does_not_bind()
    {
        var store = CreateStore();
        store.AddCode(Code("hash-1"));

        Assert.False(store.Bind("no-such-hash", new Binding("wechat", "o-1", Role.Cadre, "C101", Now)));
        Assert.False(store.Bind("hash-1", new Binding("wechat", "o-1", Role.Cadre, "C101", Now.AddDays(2))));

        Assert.Null(store.Find("wechat", "o-1", withDemo: false));
        Assert.Null(store.FindCode("hash-1")!.UsedAt);
    }

    [Fact]
    public void A_code_whose_hash_is_taken_is_not_added()
    {
        var store = CreateStore();

        Assert.True(store.AddCode(Code("hash-1", "C101")));
        Assert.False(store.AddCode(Code("hash-1", "C201")));

        Assert.Equal("C101", store.FindCode("hash-1")!.PersonId);
        Assert.Null(store.FindCode("hash-2"));
    }

    [Fact]
    public void Wrong_codes_are_counted_per_identity_and_county_wide_each_forgetting_its_own_window()
    {
        var store = CreateStore();
        for (var i = 0; i < 3; i++)
        {
            store.AddFailedAttempt("wechat|o-1", Now.AddMinutes(i), Now.AddHours(-1), Now.AddMinutes(-10));
        }

        store.AddFailedAttempt("emulator|guesser", Now.AddMinutes(3), Now.AddHours(-1), Now.AddMinutes(-10));

        Assert.Equal([Now, Now.AddMinutes(1), Now.AddMinutes(2)], store.FailedAttemptsOf("wechat|o-1"));
        Assert.Equal([Now.AddMinutes(3)], store.FailedAttemptsOf("emulator|guesser"));
        Assert.Equal(4, store.CountyFailedAttempts().Count);
        Assert.Empty(store.FailedAttemptsOf("wechat|o-2"));

        // Twenty minutes on: the county window (ten minutes) forgets all four, o-1's own (an hour) keeps its three.
        var later = Now.AddMinutes(20);
        store.AddFailedAttempt("wechat|o-1", later, later.AddHours(-1), later.AddMinutes(-10));

        Assert.Equal(4, store.FailedAttemptsOf("wechat|o-1").Count);
        Assert.Equal([later], store.CountyFailedAttempts());
    }

    [Fact]
    public void Bindings_are_found_by_identity_and_by_person_and_demo_ones_only_when_asked()
    {
        var store = CreateStore();
        store.Save(new Binding("wechat", "o-1", Role.Cadre, "C101", Now));
        store.Save(new Binding(Binding.AnyChannel, "demo-cadre", Role.Cadre, "C101", Now, demo: true));
        store.Save(new Binding("wechat", "o-2", Role.Staff, "S02", Now));

        Assert.Equal(Role.Cadre, store.Find("wechat", "o-1", withDemo: false)!.Role);
        Assert.Null(store.Find("emulator", "demo-cadre", withDemo: false));
        Assert.Equal("C101", store.Find("emulator", "demo-cadre", withDemo: true)!.PersonId);
        Assert.Equal(2, store.BindingsOf("C101").Count);

        Assert.Equal(1, store.RemoveDemoBindings());
        Assert.True(store.Remove("wechat", "o-1"));
        Assert.False(store.Remove("wechat", "o-1"));
        Assert.Empty(store.BindingsOf("C101"));
        Assert.Single(store.BindingsOf("S02"));
    }

    [Fact]
    public void The_code_salt_is_made_once_and_kept()
    {
        var salt = CreateStore().CodeSalt();

        Assert.True(salt.Length >= 16);
        Assert.Equal(salt, CreateStore().CodeSalt());
    }

    private static BindCode Code(string hash, string personId = "C101") => new(hash, Role.Cadre, personId, Now.AddHours(-1), Now.AddDays(1));
}

public sealed class LiteDbIdentityStoreContractTests : IdentityStoreContract, IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly LiteDatabase _database;

    public LiteDbIdentityStoreContractTests() => _database = Database.Open(new StorageOptions { Path = _folder.File("bot.db") }, _folder.Path);

    protected override IBindingStore CreateStore() => new LiteDbBindingStore(_database);

    public void Dispose()
    {
        _database.Dispose();
        _folder.Dispose();
    }
}
