using System.Collections.Concurrent;

namespace OutreachBot.Conversations;

/// <summary>
/// Counts failed turns in a row per conversation, so that a turn that fails every time (a bad saved state) is
/// cleared after the second failure instead of wedging the user. Kept in memory: a restart is a fresh start anyway.
/// </summary>
public sealed class TurnFailures
{
    private readonly ConcurrentDictionary<string, int> _inARow = new(StringComparer.Ordinal);

    public int Failed(string conversationKey) => _inARow.AddOrUpdate(conversationKey, 1, (_, n) => n + 1);

    public void Succeeded(string conversationKey) => _inARow.TryRemove(conversationKey, out _);
}
