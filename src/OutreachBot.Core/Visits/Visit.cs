namespace OutreachBot.Visits;

/// <summary>
/// A cadre's visit to a household: when (an instant; its date is read in Asia/Shanghai), what kind, the four notes,
/// an optional photo, and who recorded it when.
/// </summary>
public sealed class Visit
{
    /// <summary>A phone's clock may run a little ahead of the server's.</summary>
    public static readonly TimeSpan ClockTolerance = TimeSpan.FromMinutes(10);

    public const int MaxPhotoLength = 2000;

    /// <param name="id">The dialog step's idempotency key when there is one, so a replayed turn cannot log it twice.</param>
    internal Visit(string cadreId, string householdId, string villageId, DateTimeOffset at, VisitKind kind, VisitNotes notes, string? photo, DateTimeOffset recordedAt, string recordedBy, string? id = null)
    {
        if (at > recordedAt + ClockTolerance)
        {
            throw new VisitRuleException(VisitRefusal.InFuture);
        }

        var clean = notes.Normalized();
        if (clean.AnyTooLong || photo?.Length > MaxPhotoLength)
        {
            throw new VisitRuleException(VisitRefusal.NoteTooLong);
        }

        Id = id ?? Guid.NewGuid().ToString("N");
        CadreId = cadreId;
        HouseholdId = householdId;
        VillageId = villageId;
        At = at;
        Kind = Enum.IsDefined(kind) ? kind : throw new ArgumentOutOfRangeException(nameof(kind));
        VillageSituation = clean.VillageSituation;
        HouseholdSituation = clean.HouseholdSituation;
        Hopes = clean.Hopes;
        Problems = clean.Problems;
        Photo = string.IsNullOrWhiteSpace(photo) ? null : photo.Trim();
        RecordedAt = recordedAt;
        RecordedBy = recordedBy;
    }

    private Visit()
    {
    }

    public string Id { get; private set; } = "";

    public string CadreId { get; private set; } = "";

    public string HouseholdId { get; private set; } = "";

    public string VillageId { get; private set; } = "";

    /// <summary>When the visit took place.</summary>
    public DateTimeOffset At { get; private set; }

    public VisitKind Kind { get; private set; }

    /// <summary>村情社情.</summary>
    public string? VillageSituation { get; private set; }

    /// <summary>户情民情.</summary>
    public string? HouseholdSituation { get; private set; }

    /// <summary>期盼愿望.</summary>
    public string? Hopes { get; private set; }

    /// <summary>问题困难.</summary>
    public string? Problems { get; private set; }

    /// <summary>A photo's URL or the channel's attachment reference.</summary>
    public string? Photo { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>The chat identity that recorded it (channel|user).</summary>
    public string RecordedBy { get; private set; } = "";

    public VisitNotes Notes => new(VillageSituation, HouseholdSituation, Hopes, Problems);
}

internal sealed class VisitRuleException(VisitRefusal reason) : Exception(reason.ToString())
{
    public VisitRefusal Reason { get; } = reason;
}
