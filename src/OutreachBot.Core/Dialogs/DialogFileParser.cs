using System.Security.Cryptography;
using System.Text;
using OutreachBot.Identity;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OutreachBot.Dialogs;

/// <summary>
/// Reads dialog files (YAML with an <c>id:</c>) into definitions, reporting every problem with its file and line.
/// Files without <c>id:</c> hold only <c>messages:</c> and are left to the text catalog.
/// </summary>
public static class DialogFileParser
{
    public static readonly IReadOnlySet<string> PromptKinds = new HashSet<string>(StringComparer.Ordinal)
    {
        "text", "choice", "confirm", "number", "date", "phone", "image", "location",
    };

    private static readonly HashSet<string> DialogKeys = ["id", "title", "roles", "triggers", "menu", "help", "steps", "messages"];
    private static readonly HashSet<string> StepKeys =
    [
        "ask", "say", "review", "do", "slot", "label", "question", "retry", "help", "optional", "handOff", "when",
        "options", "optionsFrom", "min", "max", "prefer",
    ];

    private static readonly string[] StepTypes = ["ask", "say", "review", "do"];

    public static IReadOnlyList<DialogDefinition> ParseFolder(string folder, ICollection<string> problems)
    {
        var dialogs = new List<DialogDefinition>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var dialog = ParseFile(Path.GetFileName(file), File.ReadAllText(file), problems);
            if (dialog is not null)
            {
                dialogs.Add(dialog);
            }
        }

        return dialogs;
    }

    public static DialogDefinition? ParseFile(string file, string yaml, ICollection<string> problems)
    {
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
            {
                problems.Add($"{file}:1: expected a mapping with id, title and steps");
                return null;
            }

            root = mapping;
        }
        catch (YamlException e)
        {
            problems.Add($"{file}:{e.Start.Line}: {e.Message}");
            return null;
        }

        if (Scalar(root, "id") is not { } id)
        {
            return null;
        }

        var before = problems.Count;
        var reader = new Reader(file, problems);
        reader.UnknownKeys(root, DialogKeys);
        var steps = new List<StepDefinition>();
        if (root.Children.TryGetValue("steps", out var stepsNode) && stepsNode is YamlSequenceNode sequence && sequence.Children.Count > 0)
        {
            steps.AddRange(sequence.Children.Select(reader.Step).OfType<StepDefinition>());
        }
        else
        {
            reader.Problem(root, "a dialog needs a non-empty list of steps");
        }

        var dialog = new DialogDefinition
        {
            Id = id,
            Title = reader.Required(root, "title") ?? id,
            File = file,
            Roles = reader.Roles(root),
            Triggers = reader.StringList(root, "triggers"),
            Menu = reader.Int(root, "menu"),
            Help = Scalar(root, "help"),
            Steps = steps,
            Fingerprint = Fingerprint(id, steps),
        };
        return problems.Count == before ? dialog : null;
    }

    private static string Fingerprint(string id, IEnumerable<StepDefinition> steps)
    {
        var shape = new StringBuilder(id);
        foreach (var step in steps)
        {
            shape.Append('|').Append(step.Type).Append(':').Append(step.Kind).Append(':').Append(step.Slot)
                .Append(':').Append(string.Join(',', step.Options.Select(o => o.Value))).Append(':').Append(step.OptionsFrom);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(shape.ToString())).AsSpan(0, 8));
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var value) && value is YamlScalarNode scalar && !string.IsNullOrWhiteSpace(scalar.Value)
            ? scalar.Value.TrimEnd('\n')
            : null;

    private sealed class Reader(string file, ICollection<string> problems)
    {
        public void Problem(YamlNode node, string reason) => problems.Add($"{file}:{node.Start.Line}: {reason}");

        public void UnknownKeys(YamlMappingNode node, IReadOnlySet<string> known)
        {
            foreach (var key in node.Children.Keys.OfType<YamlScalarNode>().Where(k => !known.Contains(k.Value ?? "")))
            {
                Problem(key, $"unknown key '{key.Value}'");
            }
        }

        public string? Required(YamlMappingNode node, string key)
        {
            var value = Scalar(node, key);
            if (value is null)
            {
                Problem(node, $"'{key}' is required");
            }

            return value;
        }

        public int? Int(YamlMappingNode node, string key)
        {
            var value = Scalar(node, key);
            if (value is null)
            {
                return null;
            }

            if (int.TryParse(value, out var number))
            {
                return number;
            }

            Problem(node.Children[key], $"'{key}' must be a whole number, not '{value}'");
            return null;
        }

        public IReadOnlyList<string> StringList(YamlMappingNode node, string key)
        {
            if (!node.Children.TryGetValue(key, out var value))
            {
                return [];
            }

            if (value is YamlSequenceNode list)
            {
                return list.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").Where(s => s.Length > 0).ToList();
            }

            Problem(value, $"'{key}' must be a list, e.g. [{key}一, {key}二]");
            return [];
        }

        public IReadOnlySet<Role> Roles(YamlMappingNode node)
        {
            var names = StringList(node, "roles");
            if (names.Count == 0)
            {
                return new HashSet<Role> { Role.Resident, Role.Cadre, Role.Staff };
            }

            var roles = new HashSet<Role>();
            foreach (var name in names)
            {
                if (Enum.TryParse<Role>(name, ignoreCase: true, out var role))
                {
                    roles.Add(role);
                }
                else
                {
                    Problem(node.Children["roles"], $"unknown role '{name}' (resident, cadre or staff)");
                }
            }

            return roles;
        }

        public StepDefinition? Step(YamlNode node)
        {
            if (node is not YamlMappingNode step)
            {
                Problem(node, "a step must be a mapping such as 'ask: text'");
                return null;
            }

            UnknownKeys(step, StepKeys);
            var types = StepTypes.Where(t => step.Children.ContainsKey(new YamlScalarNode(t))).ToList();
            if (types.Count != 1)
            {
                Problem(step, "a step needs exactly one of ask, say, review or do");
                return null;
            }

            var type = Enum.Parse<StepType>(types[0], ignoreCase: true);
            var head = Scalar(step, types[0]) ?? "";
            var condition = Scalar(step, "when") is { } when ? StepCondition.Parse(when) : null;
            if (Scalar(step, "when") is { } raw && condition is null)
            {
                Problem(step.Children["when"], $"cannot read condition '{raw}' (use slot, !slot, slot == 值 or slot != 值)");
            }

            return type switch
            {
                StepType.Ask => Prompt(step, head, condition),
                StepType.Do when head.Length == 0 => Fail(step, "'do' needs an action name, e.g. do: ledger.raise"),
                StepType.Say when head.Length == 0 => Fail(step, "'say' needs the text to send"),
                _ => new StepDefinition { Type = type, Line = (int)step.Start.Line, Kind = type == StepType.Do ? head : "", Text = type == StepType.Do ? "" : head, When = condition },
            };
        }

        private StepDefinition? Fail(YamlNode node, string reason)
        {
            Problem(node, reason);
            return null;
        }

        private StepDefinition? Prompt(YamlMappingNode step, string kind, StepCondition? condition)
        {
            if (!PromptKinds.Contains(kind))
            {
                return Fail(step, $"unknown prompt kind '{kind}' (known: {string.Join(", ", PromptKinds)})");
            }

            var slot = Required(step, "slot");
            var question = Required(step, "question");
            var options = Options(step);
            var optionsFrom = Scalar(step, "optionsFrom");
            if (kind == "choice" && options.Count == 0 && optionsFrom is null)
            {
                Problem(step, "a choice needs options or optionsFrom");
            }

            var prefer = Scalar(step, "prefer") ?? "past";
            if (prefer is not ("past" or "future"))
            {
                Problem(step.Children["prefer"], "prefer must be past or future");
            }

            return slot is null || question is null
                ? null
                : new StepDefinition
                {
                    Type = StepType.Ask,
                    Line = (int)step.Start.Line,
                    Kind = kind,
                    Slot = slot,
                    Label = Scalar(step, "label") ?? slot,
                    Text = question,
                    Retry = Scalar(step, "retry"),
                    Help = Scalar(step, "help"),
                    Optional = Bool(step, "optional", false),
                    HandOff = Bool(step, "handOff", true),
                    When = condition,
                    Options = options,
                    OptionsFrom = optionsFrom,
                    Min = Int(step, "min"),
                    Max = Int(step, "max"),
                    Prefer = prefer,
                };
        }

        private bool Bool(YamlMappingNode node, string key, bool fallback)
        {
            var value = Scalar(node, key);
            if (value is null)
            {
                return fallback;
            }

            if (bool.TryParse(value, out var result))
            {
                return result;
            }

            Problem(node.Children[key], $"'{key}' must be true or false");
            return fallback;
        }

        private List<ChoiceOption> Options(YamlMappingNode step)
        {
            if (!step.Children.TryGetValue("options", out var node))
            {
                return [];
            }

            if (node is not YamlSequenceNode list)
            {
                Problem(node, "options must be a list");
                return [];
            }

            var options = new List<ChoiceOption>();
            foreach (var item in list.Children)
            {
                switch (item)
                {
                    case YamlScalarNode { Value: { Length: > 0 } label }:
                        options.Add(ChoiceOption.Of(label));
                        break;
                    case YamlMappingNode map when Scalar(map, "label") is { } label:
                        options.Add(new ChoiceOption(Scalar(map, "value") ?? label, label, StringList(map, "also")));
                        break;
                    default:
                        Problem(item, "an option is a word, or a mapping with label (and optional value, also)");
                        break;
                }
            }

            return options;
        }
    }
}
