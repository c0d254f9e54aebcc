namespace OutreachBot.Storage;

/// <summary>A write carried a stale ETag: somebody else changed the item since it was read.</summary>
public sealed class StoragePreconditionFailedException(string message) : InvalidOperationException(message);
