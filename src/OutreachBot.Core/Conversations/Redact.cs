using System.Security.Cryptography;
using System.Text;

namespace OutreachBot.Conversations;

/// <summary>
/// What may appear in logs instead of a user, person or conversation id: a short keyed hash (HMAC-SHA256). A plain
/// hash is no protection here: roster ids and OpenIDs are few and known to staff, so hashing the roster would
/// recover them. The key is <c>Redaction:Key</c> when configured (the same id then reads the same across restarts
/// and instances, so logs can be followed), otherwise a random key made for this process.
/// </summary>
public static class Redact
{
    public const int MinKeyLength = 32;

    private static byte[] s_key = RandomNumberGenerator.GetBytes(32);

    /// <summary>Sets the key from configuration; an empty value keeps this process's random key.</summary>
    public static void UseKey(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return;
        }

        if (key.Length < MinKeyLength)
        {
            throw new InvalidOperationException($"Redaction:Key must be at least {MinKeyLength} characters (or empty for a random key per process).");
        }

        s_key = Encoding.UTF8.GetBytes(key);
    }

    public static string Id(string? value) => Id(value, s_key);

    public static string Id(string? value, byte[] key)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "-";
        }

        var hash = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(value));
        return Convert.ToHexStringLower(hash.AsSpan(0, 6));
    }
}
