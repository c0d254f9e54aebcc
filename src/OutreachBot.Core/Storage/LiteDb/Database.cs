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
    /// <summary>
    /// The layout of the documents this build writes, kept in the file's user version. A file from a newer build is
    /// refused rather than misread. An older file is brought up to this version step by step by <see cref="Migrations"/>
    /// (version 1 is the layout of December 2026, which every earlier file already has).
    /// </summary>
    public const int SchemaVersion = 1;

    /// <summary>Migration i takes a file from version i to i + 1; a file of version 0 (new, or from before versions) needs none.</summary>
    private static readonly Action<ILiteDatabase>[] Migrations = [_ => { }];

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
        LockedDatabase? database = null;
        try
        {
            database = new LockedDatabase(connection, CreateMapper(), fileLock);
            Migrate(database, path);
            return database;
        }
        catch
        {
            if (database is null)
            {
                fileLock.Dispose();
            }
            else
            {
                database.Dispose();
            }

            throw;
        }
    }

    private static void Migrate(ILiteDatabase database, string path)
    {
        var version = database.UserVersion;
        if (version > SchemaVersion)
        {
            throw new InvalidDataException(
                $"The database file {path} has schema version {version}, written by a newer OutreachBot; this build reads up to version {SchemaVersion}. Run the newer build, or restore a backup.");
        }

        for (; version < SchemaVersion; version++)
        {
            Migrations[version](database);
            database.UserVersion = version + 1;
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
