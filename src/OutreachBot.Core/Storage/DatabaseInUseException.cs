namespace OutreachBot.Storage;

/// <summary>Another process (most likely the running bot) has the database file open.</summary>
public sealed class DatabaseInUseException(string path, Exception inner)
    : IOException($"The database file {path} is in use by another process.", inner)
{
    public string Path { get; } = path;
}
