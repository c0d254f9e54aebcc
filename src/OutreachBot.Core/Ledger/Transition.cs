using LiteDB;

namespace OutreachBot.Ledger;

/// <summary>One step of an entry's life, kept forever: who moved it, when, and what they said.</summary>
public sealed record Transition
{
    /// <remarks>
    /// Named for LiteDB with [BsonCtor]. As a positional record, whether LiteDB found its constructor depended on
    /// which type it mapped first after start-up: an outbox record read before any entry failed with "Failed to
    /// create instance", and forwarding stopped (a restart test failed now and then).
    /// </remarks>
    [BsonCtor]
    public Transition(EntryStatus from, EntryStatus to, string by, DateTimeOffset at, string note)
    {
        From = from;
        To = to;
        By = by;
        At = at;
        Note = note;
    }

    public EntryStatus From { get; init; }

    public EntryStatus To { get; init; }

    public string By { get; init; }

    public DateTimeOffset At { get; init; }

    public string Note { get; init; }
}
