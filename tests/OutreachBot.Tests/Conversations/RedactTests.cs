using System.Security.Cryptography;
using System.Text;
using OutreachBot.Conversations;

namespace OutreachBot.Tests.Conversations;

/// <summary>Ids in logs cannot be recovered by hashing the roster: the hash is keyed.</summary>
public sealed class RedactTests
{
    [Fact]
    public void An_id_in_the_logs_is_not_the_plain_hash_anyone_could_compute_from_the_roster()
    {
        var plain = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("C101")).AsSpan(0, 6));

        Assert.NotEqual(plain, Redact.Id("C101"));
        Assert.Equal(Redact.Id("C101"), Redact.Id("C101"));
        Assert.NotEqual(Redact.Id("C101"), Redact.Id("C102"));
    }

    [Fact]
    public void The_same_configured_key_gives_the_same_hash_in_every_instance_and_another_key_another()
    {
        var key = Encoding.UTF8.GetBytes(new string('k', 32));
        var other = Encoding.UTF8.GetBytes(new string('q', 32));

        Assert.Equal(Redact.Id("o-OpenId-1", key), Redact.Id("o-OpenId-1", key));
        Assert.NotEqual(Redact.Id("o-OpenId-1", key), Redact.Id("o-OpenId-1", other));
        Assert.Equal("-", Redact.Id("", key));
    }

    [Fact]
    public void A_short_configured_key_is_refused_with_the_key_named()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Redact.UseKey("short"));
        Assert.Contains("Redaction:Key", error.Message, StringComparison.Ordinal);
    }
}
