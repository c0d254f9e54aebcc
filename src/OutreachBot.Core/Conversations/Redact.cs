using System.Security.Cryptography;
using System.Text;

namespace OutreachBot.Conversations;

/// <summary>What may appear in logs instead of a user or conversation id: a short one-way hash.</summary>
public static class Redact
{
    public static string Id(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "-";
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(value));
        return Convert.ToHexStringLower(hash.AsSpan(0, 6));
    }
}
