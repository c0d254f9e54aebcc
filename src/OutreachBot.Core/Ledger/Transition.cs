namespace OutreachBot.Ledger;

/// <summary>One step of an entry's life, kept forever: who moved it, when, and what they said.</summary>
public sealed record Transition(EntryStatus From, EntryStatus To, string By, DateTimeOffset At, string Note);
