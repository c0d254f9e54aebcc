using System.Reflection;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace OutreachBot.Texts;

/// <summary>
/// Everything the bot says outside a dialog's own steps, read from the <c>messages:</c> maps of the YAML files in
/// dialogs/, so staff change wording without a build. Placeholders are written <c>{name}</c>.
/// </summary>
public sealed class TextCatalog
{
    private readonly Dictionary<string, string> _texts;

    private TextCatalog(Dictionary<string, string> texts) => _texts = texts;

    public IReadOnlyCollection<string> Keys => _texts.Keys;

    public string this[string key] => _texts.TryGetValue(key, out var text)
        ? text
        : throw new KeyNotFoundException($"No text '{key}' in dialogs/.");

    /// <summary>A message read as a word list (see <see cref="Words"/>).</summary>
    public IReadOnlyList<string> WordList(string key) => Words.Split(this[key]);

    public string Format(string key, params (string Name, object? Value)[] values) => Fill(this[key], values);

    public static string Fill(string template, IEnumerable<(string Name, object? Value)> values)
    {
        var result = new StringBuilder(template);
        foreach (var (name, value) in values)
        {
            result.Replace("{" + name + "}", value?.ToString() ?? "");
        }

        return result.ToString();
    }

    public static TextCatalog FromDictionary(IReadOnlyDictionary<string, string> texts) => new(new Dictionary<string, string>(texts));

    /// <summary>Reads all YAML files of a folder; fails with the file and line on a malformed file or a duplicate key.</summary>
    public static TextCatalog Load(string folder)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var origin = new Dictionary<string, string>(StringComparer.Ordinal);
        var deserializer = new DeserializerBuilder().WithNamingConvention(YamlDotNet.Serialization.NamingConventions.CamelCaseNamingConvention.Instance).IgnoreUnmatchedProperties().Build();
        foreach (var file in Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            MessagesFile parsed;
            try
            {
                parsed = deserializer.Deserialize<MessagesFile?>(File.ReadAllText(file)) ?? new MessagesFile();
            }
            catch (YamlException e)
            {
                throw new InvalidDataException($"{file}:{e.Start.Line}: {e.Message}", e);
            }

            foreach (var (key, text) in parsed.Messages ?? [])
            {
                if (!texts.TryAdd(key, text.TrimEnd('\n')))
                {
                    throw new InvalidDataException($"{file}: message '{key}' is already defined in {origin[key]}.");
                }

                origin[key] = Path.GetFileName(file);
            }
        }

        return new TextCatalog(texts);
    }

    /// <summary>Every key declared by a [TextKeys] class in these assemblies must have a text.</summary>
    public void EnsureKeys(IEnumerable<Assembly> assemblies)
    {
        var missing = assemblies
            .SelectMany(a => a.GetTypes())
            .Where(t => t.GetCustomAttribute<TextKeysAttribute>() is not null)
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Where(k => !_texts.ContainsKey(k))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"dialogs/ lacks these messages: {string.Join(", ", missing)}");
        }
    }

    private sealed class MessagesFile
    {
        public Dictionary<string, string>? Messages { get; set; }
    }
}
