using LiteDB;
using OutreachBot.Storage;
using OutreachBot.Storage.LiteDb;
using OutreachBot.Tests.Support;

namespace OutreachBot.Tests.Storage;

/// <summary>The database file records which layout it holds; a build never misreads a file from a newer one.</summary>
public sealed class SchemaVersionTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private StorageOptions Options => new() { Path = _folder.File("bot.db") };

    [Fact]
    public void A_new_file_and_a_file_from_before_versions_are_stamped_with_this_builds_version()
    {
        using (var old = new LiteDatabase(_folder.File("bot.db")))
        {
            old.GetCollection("ledger_entries").Insert(new BsonDocument { ["_id"] = "MS20261127-0001" });
            Assert.Equal(0, old.UserVersion);
        }

        using var db = Database.Open(Options, _folder.Path);

        Assert.Equal(Database.SchemaVersion, db.UserVersion);
        Assert.Equal(1, db.GetCollection("ledger_entries").Count());
    }

    [Fact]
    public void A_file_written_by_a_newer_build_is_refused_with_both_versions_named_and_the_file_is_let_go()
    {
        using (var newer = new LiteDatabase(_folder.File("bot.db")))
        {
            newer.UserVersion = Database.SchemaVersion + 1;
        }

        var error = Assert.Throws<InvalidDataException>(() => Database.Open(Options, _folder.Path));

        Assert.Contains($"schema version {Database.SchemaVersion + 1}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"up to version {Database.SchemaVersion}", error.Message, StringComparison.Ordinal);

        // The refusal let go of the file and of the process lock: once the file is fit (here, stamped back by hand),
        // the next start opens it.
        using (var raw = new LiteDatabase(_folder.File("bot.db")))
        {
            Assert.Equal(Database.SchemaVersion + 1, raw.UserVersion);
            raw.UserVersion = Database.SchemaVersion;
        }

        using var again = Database.Open(Options, _folder.Path);
        Assert.Equal(Database.SchemaVersion, again.UserVersion);
    }
}
