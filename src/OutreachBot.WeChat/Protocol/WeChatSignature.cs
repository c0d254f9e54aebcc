using System.Security.Cryptography;
using System.Text;

namespace OutreachBot.WeChat.Protocol;

/// <summary>
/// The SHA-1 signatures of the push protocol: <c>signature</c> over (token, timestamp, nonce) and
/// <c>msg_signature</c> over (token, timestamp, nonce, Encrypt). The parts are sorted ordinally (byte order, as the
/// official samples do); a culture-aware sort orders "Zx" and "qd" differently and breaks the 4-part signature.
/// </summary>
public static class WeChatSignature
{
    public static string Compute(params string[] parts)
    {
        var sorted = parts.ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);
        // SHA-1 is what the protocol prescribes; we cannot choose a stronger hash for WeChat's signatures.
#pragma warning disable CA5350
        var hash = SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(sorted)));
#pragma warning restore CA5350
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>Compares in constant time, so response timing does not reveal how much of a forged signature matched.</summary>
    public static bool Matches(string? received, params string[] parts)
    {
        if (string.IsNullOrEmpty(received))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Compute(parts));
        var actual = Encoding.ASCII.GetBytes(received.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
