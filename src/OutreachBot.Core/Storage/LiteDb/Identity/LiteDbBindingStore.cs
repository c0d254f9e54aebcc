using System.Security.Cryptography;
using LiteDB;
using OutreachBot.Identity;

namespace OutreachBot.Storage.LiteDb.Identity;

/// <summary>
/// Bindings ("identity_bindings"), bind codes by hash ("identity_bind_codes"), recent wrong codes per chat identity
/// and county-wide ("identity_bind_attempts", {_id, At: [times]}) and the code salt ("identity_settings").
/// </summary>
public sealed class LiteDbBindingStore : IBindingStore
{
    public const string BindingsCollection = "identity_bindings";
    public const string CodesCollection = "identity_bind_codes";
    public const string AttemptsCollection = "identity_bind_attempts";
    public const string SettingsCollection = "identity_settings";

    /// <summary>The wrong codes of everyone, kept beside each identity's own; a chat identity's key always holds a '|'.</summary>
    private const string CountyKey = "county";

    private readonly ILiteDatabase _database;
    private readonly ILiteCollection<Binding> _bindings;
    private readonly ILiteCollection<BindCode> _codes;
    private readonly ILiteCollection<FailedAttempts> _attempts;
    private readonly Lazy<byte[]> _salt;

    /// <summary>A code is looked at and marked used under this lock, so two binds with one code cannot both see it unused.</summary>
    private readonly Lock _gate = new();

    public LiteDbBindingStore(ILiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        database.Mapper.WarmUp(typeof(Binding), typeof(BindCode), typeof(FailedAttempts));
        _bindings = database.GetCollection<Binding>(BindingsCollection);
        _codes = database.GetCollection<BindCode>(CodesCollection);
        _attempts = database.GetCollection<FailedAttempts>(AttemptsCollection);
        _bindings.EnsureIndex(b => b.PersonId);
        _bindings.EnsureIndex(b => b.Demo);
        _codes.EnsureIndex(c => c.ExpiresAt);
        _salt = new Lazy<byte[]>(() => LoadOrCreateSalt(database));
    }

    public Binding? Find(string channelId, string userId, bool withDemo) =>
        _bindings.FindById(Binding.KeyOf(channelId, userId)) is { } own && (withDemo || !own.Demo) ? own
        : withDemo ? _bindings.FindById(Binding.KeyOf(Binding.AnyChannel, userId))
        : null;

    public IReadOnlyList<Binding> BindingsOf(string personId) => [.. _bindings.Find(b => b.PersonId == personId)];

    public void Save(Binding binding) => _bindings.Upsert(binding);

    public bool Remove(string channelId, string userId) => _bindings.Delete(Binding.KeyOf(channelId, userId));

    public int RemoveDemoBindings() => _bindings.DeleteMany(b => b.Demo);

    public byte[] CodeSalt() => [.. _salt.Value];

    public BindCode? FindCode(string hash) => _codes.FindById(hash);

    public bool AddCode(BindCode code)
    {
        ArgumentNullException.ThrowIfNull(code);
        lock (_gate)
        {
            if (_codes.FindById(code.Id) is not null)
            {
                return false;
            }

            _codes.Insert(code);
            return true;
        }
    }

    public bool Bind(string codeHash, Binding binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        lock (_gate)
        {
            var own = _database.BeginTrans();
            try
            {
                var code = _codes.FindById(codeHash);
                if (code is null || code.Check(binding.BoundAt) != BindOutcome.Bound)
                {
                    if (own)
                    {
                        _database.Rollback();
                    }

                    return false;
                }

                code.MarkUsed(binding.BoundAt, binding.Id);
                _codes.Update(code);
                _bindings.Upsert(binding);
                _attempts.Delete(binding.Id);
                if (own)
                {
                    _database.Commit();
                    _database.Flush();
                }

                return true;
            }
            catch
            {
                if (own)
                {
                    _database.Rollback();
                }

                throw;
            }
        }
    }

    public IReadOnlyList<DateTimeOffset> FailedAttemptsOf(string bindingKey) => _attempts.FindById(bindingKey)?.At ?? [];

    public IReadOnlyList<DateTimeOffset> CountyFailedAttempts() => FailedAttemptsOf(CountyKey);

    public void AddFailedAttempt(string bindingKey, DateTimeOffset at, DateTimeOffset cutoff, DateTimeOffset countyCutoff)
    {
        Add(bindingKey, at, cutoff);
        Add(CountyKey, at, countyCutoff);
    }

    private void Add(string key, DateTimeOffset at, DateTimeOffset cutoff)
    {
        var attempts = _attempts.FindById(key) ?? new FailedAttempts { Id = key };
        attempts.At.RemoveAll(t => t <= cutoff);
        attempts.At.Add(at);
        _attempts.Upsert(attempts);
    }

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

    /// <summary>Wrong codes a chat identity (or, under "county", everyone) sent recently, to slow down guessing.</summary>
    private sealed class FailedAttempts
    {
        public string Id { get; set; } = "";

        public List<DateTimeOffset> At { get; set; } = [];
    }
}
