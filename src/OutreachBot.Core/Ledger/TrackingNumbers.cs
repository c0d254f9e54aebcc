using OutreachBot.Time;
using System.Globalization;

namespace OutreachBot.Ledger;

/// <summary>
/// Hands out tracking numbers of the form MS20261127-0001: the ledger's prefix, the Shanghai date the entry was
/// raised, and a per-ledger, per-day sequence kept in the database so a restart never reuses one.
/// </summary>
public sealed class TrackingNumbers(ITrackingCounters counters)
{
    public string Next(LedgerBook book, DateTimeOffset raisedAt)
    {
        var day = ChinaTime.ToLocal(raisedAt).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var key = book.Prefix() + day;
        return $"{key}-{counters.Increment(key):0000}";
    }

    /// <summary>"ms20261127-1" or "MS20261127-0001" → the canonical number; null if it is not one.</summary>
    public static string? Parse(string text)
    {
        var trimmed = text.Trim().ToUpperInvariant().Replace('－', '-').Replace('—', '-');
        if (trimmed.Length < 12 || LedgerBooks.FromPrefix(trimmed[..2]) is null)
        {
            return null;
        }

        var parts = trimmed[2..].Split('-');
        return parts.Length == 2 && parts[0].Length == 8 && parts[0].All(char.IsAsciiDigit)
               && DateTime.TryParseExact(parts[0], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
               && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) && sequence is > 0 and < 100_000
            ? $"{trimmed[..10]}-{sequence:0000}"
            : null;
    }
}
