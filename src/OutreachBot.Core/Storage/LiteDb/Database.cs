using LiteDB;

namespace OutreachBot.Storage.LiteDb;

/// <summary>
/// Opens the one LiteDB file a process uses. LiteDB's maintainers recommend a single shared
/// <see cref="LiteDatabase"/> per file: it is thread-safe. On Linux LiteDB's direct mode does not stop a second
/// process from opening the same file (its file share becomes a shared advisory lock), and two writers corrupt it;
/// so the process also holds an exclusive lock on "&lt;file&gt;.lock", and a second opener gets
/// <see cref="DatabaseInUseException"/>.
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
        var fileLock = Lock(path);
        try
        {
            return new LockedDatabase(connection, CreateMapper(), fileLock);
        }
        catch
        {
            fileLock.Dispose();
            throw;
        }
    }

    /// <summary>An in-memory database with the same mapping, for tests and the echo baseline.</summary>
    public static LiteDatabase InMemory() => new(new MemoryStream(), CreateMapper());

    private static FileStream Lock(string path)
    {
        try
        {
            return new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new DatabaseInUseException(path, e);
        }
    }

    private static BsonMapper CreateMapper() => new()
    {
        EnumAsInteger = false,
        TrimWhitespace = false,
        EmptyStringToNull = false,
        SerializeNullValues = false,
    };
}

/// <summary>A LiteDatabase that releases its process lock when disposed.</summary>
internal sealed class LockedDatabase(ConnectionString connection, BsonMapper mapper, FileStream fileLock) : LiteDatabase(connection, mapper)
{
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            fileLock.Dispose();
        }
    }
}
