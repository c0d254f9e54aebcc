using LiteDB;
using Microsoft.Bot.Builder;
using OutreachBot.Dialogs;
using OutreachBot.Storage;
using OutreachBot.Tests.Support;
using OutreachBot.Storage.LiteDb;

namespace OutreachBot.Tests.Storage;

public sealed class LiteDbStorageTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private LiteDatabase OpenDatabase(string? password = null) =>
        Database.Open(new StorageOptions { Path = _folder.File("bot.db"), Password = password }, _folder.Path);

    [Fact]
    public async Task Reads_back_what_was_written_and_forgets_what_was_deleted()
    {
        using var db = OpenDatabase();
        var storage = new LiteDbStorage(db);

        await storage.WriteAsync(new Dictionary<string, object> { ["a"] = new Note { Text = "修路" }, ["b"] = new Note { Text = "饮水" } });
        var read = await storage.ReadAsync<Note>(["a", "b", "missing"]);

        Assert.Equal("修路", read["a"].Text);
        Assert.Equal("饮水", read["b"].Text);
        Assert.False(read.ContainsKey("missing"));
        Assert.False(string.IsNullOrEmpty(read["a"].ETag));

        await storage.DeleteAsync(["a"]);
        Assert.False((await storage.ReadAsync(["a"])).ContainsKey("a"));
    }

    [Fact]
    public async Task A_stale_etag_is_refused_and_a_star_overwrites()
    {
        using var db = OpenDatabase();
        var storage = new LiteDbStorage(db);
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "v1" } });
        var first = (await storage.ReadAsync<Note>(["k"]))["k"];
        var second = (await storage.ReadAsync<Note>(["k"]))["k"];

        first.Text = "v2";
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = first });
        second.Text = "stale";

        await Assert.ThrowsAsync<StoragePreconditionFailedException>(() => storage.WriteAsync(new Dictionary<string, object> { ["k"] = second }));
        Assert.Equal("v2", (await storage.ReadAsync<Note>(["k"]))["k"].Text);

        second.ETag = "*";
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = second });
        Assert.Equal("stale", (await storage.ReadAsync<Note>(["k"]))["k"].Text);
    }

    [Fact]
    public async Task Of_two_concurrent_writes_with_the_same_etag_exactly_one_wins()
    {
        using var db = OpenDatabase();
        var storage = new LiteDbStorage(db);
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "v1" } });
        var etag = (await storage.ReadAsync<Note>(["k"]))["k"].ETag;

        for (var round = 0; round < 20; round++)
        {
            var writers = Enumerable.Range(0, 2).Select(i => Task.Run(async () =>
            {
                try
                {
                    await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = $"w{i}", ETag = etag } });
                    return true;
                }
                catch (StoragePreconditionFailedException)
                {
                    return false;
                }
            })).ToArray();
            var outcomes = await Task.WhenAll(writers);

            Assert.Equal(1, outcomes.Count(won => won));
            etag = (await storage.ReadAsync<Note>(["k"]))["k"].ETag;
        }
    }

    [Fact]
    public async Task Bot_state_dictionaries_carry_their_etag_so_a_racing_save_fails()
    {
        using var db = OpenDatabase();
        var storage = new LiteDbStorage(db);
        await storage.WriteAsync(new Dictionary<string, object> { ["conv"] = new Dictionary<string, object> { ["count"] = 1 } });

        var first = (IDictionary<string, object>)(await storage.ReadAsync(["conv"]))["conv"];
        var second = (IDictionary<string, object>)(await storage.ReadAsync(["conv"]))["conv"];
        first["count"] = 2;
        await storage.WriteAsync(new Dictionary<string, object> { ["conv"] = first });
        second["count"] = 3;

        await Assert.ThrowsAsync<StoragePreconditionFailedException>(() => storage.WriteAsync(new Dictionary<string, object> { ["conv"] = second }));
    }

    [Fact]
    public async Task Survives_closing_and_reopening_the_file()
    {
        using (var db = OpenDatabase())
        {
            await new LiteDbStorage(db).WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "还在" } });
        }

        using var reopened = OpenDatabase();
        Assert.Equal("还在", (await new LiteDbStorage(reopened).ReadAsync<Note>(["k"]))["k"].Text);
    }

    [Fact]
    public async Task With_a_password_the_file_is_encrypted()
    {
        using (var db = OpenDatabase(password: "村里的密码"))
        {
            await new LiteDbStorage(db).WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "Sensitive-Marker-低保" } });
        }

        var raw = await File.ReadAllBytesAsync(_folder.File("bot.db"));
        Assert.DoesNotContain("Sensitive-Marker", System.Text.Encoding.UTF8.GetString(raw), StringComparison.Ordinal);
        Assert.ThrowsAny<LiteException>(() => OpenDatabase().GetCollectionNames().ToList());
        using var reopened = OpenDatabase(password: "村里的密码");
        Assert.Equal("Sensitive-Marker-低保", (await new LiteDbStorage(reopened).ReadAsync<Note>(["k"]))["k"].Text);
    }

    [Fact]
    public async Task A_dialog_narrowed_to_candidates_of_a_search_is_read_back()
    {
        // What a household search leaves in the state when "王德明" matches two households: the candidates' other
        // words are built with a collection expression, as the option sources build them.
        using var db = OpenDatabase();
        var storage = new LiteDbStorage(db);
        var state = new DialogState
        {
            DialogId = "log-visit",
            Narrowed = [new ChoiceOption("H00001", "王德明（青岩村一组）", ["王德明"]), new ChoiceOption("H00002", "王德明（青岩村三组）", ["王德明", "王老汉"])],
        };

        await storage.WriteAsync(new Dictionary<string, object> { ["c"] = new Dictionary<string, object> { [nameof(DialogState)] = state } });
        var read = (IDictionary<string, object>)(await storage.ReadAsync(["c"]))["c"];

        var narrowed = ((DialogState)read[nameof(DialogState)]).Narrowed!;
        Assert.Equal(["H00001", "H00002"], narrowed.Select(o => o.Value));
        Assert.Equal(["王德明", "王老汉"], narrowed[1].Also!);
    }

    public sealed class Note : IStoreItem
    {
        public string Text { get; set; } = "";

        public string ETag { get; set; } = "";
    }
}
