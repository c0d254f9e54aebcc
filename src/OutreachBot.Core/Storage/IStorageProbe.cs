namespace OutreachBot.Storage;

/// <summary>Whether the database answers, for the health check; each storage provider knows how to ask.</summary>
public interface IStorageProbe
{
    bool IsReachable(out string? problem);
}
