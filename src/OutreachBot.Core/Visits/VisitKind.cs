namespace OutreachBot.Visits;

public enum VisitKind
{
    /// <summary>入户走访.</summary>
    HomeVisit,

    /// <summary>慰问.</summary>
    Relief,

    /// <summary>蹲点调研.</summary>
    FieldStay,
}
