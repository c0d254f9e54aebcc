namespace OutreachBot.Ledger.Forwarding;

/// <summary>One event waiting for (or done with) one adapter, with everything staff need to see why it is stuck.</summary>
public sealed class OutboxRecord
{
    /// <summary>Adapter name and event key: the same event is never queued twice for an adapter.</summary>
    public string Id { get; set; } = "";

    public long Sequence { get; set; }

    public string Adapter { get; set; } = "";

    public string EntryId { get; set; } = "";

    public LedgerEvent Event { get; set; } = null!;

    public DateTimeOffset CreatedAt { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? LastAttemptAt { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>The id the external ledger gave the entry (Open311 service_request_id).</summary>
    public string? ExternalId { get; set; }

    public bool Delivered => DeliveredAt is not null;
}
