namespace OutreachBot.Dashboard;

/// <summary>The dashboard's one-time login links, by the hash of their token.</summary>
public interface ILoginLinkStore
{
    void Add(LoginLink link);

    LoginLink? Find(string hash);

    /// <summary>
    /// Spends the link: records when it was used, unless it already was. False, changing nothing, when it is unknown
    /// or used, so of two uses racing one another only one succeeds.
    /// </summary>
    bool MarkUsed(string hash, DateTimeOffset at);

    /// <summary>Forgets links that expired before <paramref name="cutoff"/>; returns how many.</summary>
    int ForgetExpiredBefore(DateTimeOffset cutoff);
}

/// <summary>A login link as stored: only the SHA-256 of its token, for whom, and whether it was used.</summary>
public sealed record LoginLink(string Hash, string StaffId, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? UsedAt = null);
