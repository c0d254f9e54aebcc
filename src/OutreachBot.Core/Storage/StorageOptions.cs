namespace OutreachBot.Storage;

/// <summary>The <c>Storage</c> section of appsettings.json.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>LiteDB file; relative paths are taken from the content root (the folder holding appsettings.json).</summary>
    public string Path { get; set; } = "data/outreachbot.db";

    /// <summary>When set, LiteDB encrypts the whole file (AES) with this password.</summary>
    public string? Password { get; set; }
}
