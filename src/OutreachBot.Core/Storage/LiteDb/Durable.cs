using LiteDB;

namespace OutreachBot.Storage.LiteDb;

/// <summary>
/// LiteDB 5 returns from a commit before the pages reach its log file: a writer thread writes them a moment later.
/// A process killed in that moment loses the write although the user may already have been told about it
/// (bench/Replay's kill -9 drill lost a confirmed visit this way, and a conversation restarted on an older state).
/// Checkpoint waits for that writer and moves the log into the data file. It is called after each turn's state is
/// saved and after the saves a user is told about mid-turn (a visit, a ledger entry and its changes, a binding); it
/// keeps the log small, so it is cheap: bench/RESULTS.md has the replay's cost per turn with it.
/// </summary>
public static class Durable
{
    public static void Flush(this ILiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        database.Checkpoint();
    }
}
