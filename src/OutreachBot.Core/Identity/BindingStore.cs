using System.Security.Cryptography;
using System.Text;
using LiteDB;

namespace OutreachBot.Identity;

/// <summary>Bindings, bind codes (hashed) and recent wrong attempts, in LiteDB.</summary>
public sealed class BindingStore
{
    public const string BindingsCollection = "identity_bindings";
    public const string CodesCollection = "identity_bind_codes";
    public const string AttemptsCollection = "identity_bind_attempts";
    public const string SettingsCollection = "identity_settings";

    /// <summary>
    /// PBKDF2 rounds for hashing a code. A code has only 10^8 values, so a fast hash would be undone by trying them
    /// all; at this cost that takes days of computing, longer than a code lives.
    /// </summary>
    private const int HashIterations = 100_000;

    private readonly Lazy<byte[]> _salt;

    public BindingStore(ILiteDatabase database)
    {
        Database = database;
        Bindings = database.GetCollection<Binding>(BindingsCollection);
        Codes = database.GetCollection<BindCode>(CodesCollection);
        Attempts = database.GetCollection<FailedAttempts>(AttemptsCollection);
        Bindings.EnsureIndex(b => b.PersonId);
        Bindings.EnsureIndex(b => b.Demo);
        Codes.EnsureIndex(c => c.ExpiresAt);
        _salt = new Lazy<byte[]>(() => LoadOrCreateSalt(database));
    }

    internal ILiteDatabase Database { get; }

    internal ILiteCollection<Binding> Bindings { get; }

    internal ILiteCollection<BindCode> Codes { get; }

    internal ILiteCollection<FailedAttempts> Attempts { get; }

    internal Lock Gate { get; } = new();

    /// <summary>The binding of this chat identity; the demo binding of the user id only when <paramref name="withDemo"/>.</summary>
    public Binding? Find(string channelId, string userId, bool withDemo) =>
        Bindings.FindById(Binding.KeyOf(channelId, userId)) is { } own && (withDemo || !own.Demo) ? own
        : withDemo ? Bindings.FindById(Binding.KeyOf(Binding.AnyChannel, userId))
        : null;

    public IReadOnlyList<Binding> BindingsOf(string personId) => [.. Bindings.Find(b => b.PersonId == personId)];

    public void Save(Binding binding) => Bindings.Upsert(binding);

    public bool Remove(string channelId, string userId) => Bindings.Delete(Binding.KeyOf(channelId, userId));

    public int RemoveDemoBindings() => Bindings.DeleteMany(b => b.Demo);

    public string Hash(string code) =>
        Convert.ToHexStringLower(Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(code), _salt.Value, HashIterations, HashAlgorithmName.SHA256, 32));

    private static byte[] LoadOrCreateSalt(ILiteDatabase database)
    {
        var settings = database.GetCollection(SettingsCollection);
        var stored = settings.FindById("bind_code_salt");
        if (stored is not null)
        {
            return stored["Value"].AsBinary;
        }

        var salt = RandomNumberGenerator.GetBytes(16);
        settings.Insert(new BsonDocument { ["_id"] = "bind_code_salt", ["Value"] = salt });
        return salt;
    }

    /// <summary>Wrong codes a chat user sent recently, to slow down guessing.</summary>
    internal sealed class FailedAttempts
    {
        public string Id { get; set; } = "";

        public List<DateTimeOffset> At { get; set; } = [];
    }
}
