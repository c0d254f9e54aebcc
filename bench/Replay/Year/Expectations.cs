using System.Collections.Concurrent;
using OutreachBot.Ledger;
using OutreachBot.Visits;

namespace OutreachBot.Bench.Replay.Year;

/// <summary>How far a user's action got, as far as the user can tell.</summary>
public enum Sent
{
    /// <summary>The bot confirmed it ("已记下", "您的编号是", "已办结", "谢谢您的评价").</summary>
    Confirmed,

    /// <summary>The confirming message was sent and answered, but not with the confirmation (only in the crash drill).</summary>
    Unconfirmed,

    /// <summary>Given up before the confirming message (a refusal or a stuck dialog).</summary>
    Abandoned,
}

public sealed record VisitRecord(string Token, string CadreId, string HouseholdId, VisitKind Kind, Sent Sent);

public sealed class EntryRecord(string id, string token, LedgerBook book, string kind, string villageId, string reporter, string channel)
{
    public string Id { get; } = id;

    /// <summary>The marker in the reporter's words that finds the entry in the database.</summary>
    public string Token { get; } = token;

    public LedgerBook Book { get; } = book;

    public string Kind { get; } = kind;

    public string VillageId { get; } = villageId;

    public string Reporter { get; } = reporter;

    public string Channel { get; } = channel;

    public EntryStatus Status { get; set; } = EntryStatus.Assigned;

    public Satisfaction? Satisfaction { get; set; }

    public int CloseOuts { get; set; }

    public int Ratings { get; set; }

    /// <summary>A close-out or a rating whose confirmation the user never saw (crash drill): the status is not known here.</summary>
    public bool Uncertain { get; set; }

    /// <summary>Tokens of the close-outs confirmed for this entry, to count them in its history.</summary>
    public List<string> CloseTokens { get; } = [];
}

/// <summary>
/// What the replay sent and the bot confirmed: every visit by its token, every entry by its tracking number, and
/// the status each entry must have now. The final check compares these with the database.
/// </summary>
public sealed class Expectations
{
    public ConcurrentDictionary<string, VisitRecord> Visits { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, EntryRecord> Entries { get; } = new(StringComparer.Ordinal);

    /// <summary>Raise tokens whose confirming "对" was sent: token → tracking number, or null if the number was never seen.</summary>
    public ConcurrentDictionary<string, string?> Raises { get; } = new(StringComparer.Ordinal);

    /// <summary>Close-out tokens sent with their "对": token → (entry, confirmed).</summary>
    public ConcurrentDictionary<string, (string Entry, Sent Sent)> CloseOuts { get; } = new(StringComparer.Ordinal);

    private int _notified;
    private int _unreachable;

    public int Notified => _notified;

    public int Unreachable => _unreachable;

    public void Told(bool reached)
    {
        if (reached)
        {
            Interlocked.Increment(ref _notified);
        }
        else
        {
            Interlocked.Increment(ref _unreachable);
        }
    }

    public void Update(string id, Action<EntryRecord> change)
    {
        if (Entries.TryGetValue(id, out var entry))
        {
            lock (entry)
            {
                change(entry);
            }
        }
    }
}
