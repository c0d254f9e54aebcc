namespace OutreachBot.Storage;

/// <summary>
/// Which version of each seed folder (demo roster, meeting calendars) was loaded into this database, by a fingerprint
/// of its files, so start-up loads a folder again only when it changed.
/// </summary>
public interface ISeedLog
{
    string? FingerprintOf(string seed);

    void Loaded(string seed, string fingerprint, DateTimeOffset at);
}
