using LiteDB;

namespace OutreachBot.Storage;

/// <summary>
/// Opens the one LiteDB file a process uses. LiteDB's maintainers recommend a single shared
/// <see cref="LiteDatabase"/> per file: it is thread-safe, and a second instance on the same file fails.
/// </summary>
public static class Database
{
    public static LiteDatabase Open(StorageOptions options, string contentRoot)
    {
        var path = System.IO.Path.GetFullPath(options.Path, contentRoot);
        var folder = System.IO.Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var connection = new ConnectionString
        {
            Filename = path,
            Connection = ConnectionType.Direct,
            Password = string.IsNullOrEmpty(options.Password) ? null : options.Password,
        };
        return new LiteDatabase(connection, CreateMapper());
    }

    /// <summary>An in-memory database with the same mapping, for tests and the echo baseline.</summary>
    public static LiteDatabase InMemory() => new(new MemoryStream(), CreateMapper());

    private static BsonMapper CreateMapper() => new()
    {
        EnumAsInteger = false,
        TrimWhitespace = false,
        EmptyStringToNull = false,
        SerializeNullValues = false,
    };
}
