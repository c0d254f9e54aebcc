using System.Text.RegularExpressions;
using OutreachBot.Identity;
using OutreachBot.Text;

namespace OutreachBot.Dialogs;

/// <summary>
/// The dialogs of the dialogs/ folder, checked at start-up against the actions and option sources the code
/// registers: a broken file stops start-up with its file, line and reason, never a villager's conversation.
/// </summary>
public sealed partial class DialogCatalog
{
    private readonly Dictionary<string, DialogDefinition> _byId;
    private readonly List<(string Trigger, DialogDefinition Dialog)> _triggers;

    private DialogCatalog(IReadOnlyList<DialogDefinition> dialogs)
    {
        _byId = dialogs.ToDictionary(d => d.Id, StringComparer.Ordinal);
        _triggers = dialogs
            .SelectMany(d => d.Triggers.Select(t => (Trigger: ChineseText.Bare(t), Dialog: d)))
            .Where(t => t.Trigger.Length > 0)
            .OrderByDescending(t => t.Trigger.Length)
            .ToList();
    }

    public IReadOnlyCollection<DialogDefinition> All => _byId.Values;

    public DialogDefinition? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The dialogs of the numbered main menu for a role, in menu order.</summary>
    public IReadOnlyList<DialogDefinition> Menu(Role role) =>
        _byId.Values.Where(d => d.Menu is not null && d.AllowedFor(role)).OrderBy(d => d.Menu).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();

    /// <summary>The dialog whose trigger phrase the text is or contains; the longest trigger wins.</summary>
    public DialogDefinition? MatchTrigger(string text)
    {
        var bare = ChineseText.Bare(text);
        if (bare.Length == 0)
        {
            return null;
        }

        foreach (var (trigger, dialog) in _triggers)
        {
            if (bare == trigger || (trigger.Length >= 2 && bare.Contains(trigger, StringComparison.Ordinal)))
            {
                return dialog;
            }
        }

        return null;
    }

    public static DialogCatalog Load(string folder, IEnumerable<IDialogAction> actions, IEnumerable<IOptionSource> sources)
    {
        var problems = new List<string>();
        if (!Directory.Exists(folder))
        {
            throw new DialogFileException([$"{folder}: the dialogs folder does not exist"]);
        }

        var dialogs = DialogFileParser.ParseFolder(folder, problems);
        Validate(dialogs, actions.ToDictionary(a => a.Name, StringComparer.Ordinal), sources.Select(s => s.Name).ToHashSet(StringComparer.Ordinal), problems);
        return problems.Count > 0 ? throw new DialogFileException(problems) : new DialogCatalog(dialogs);
    }

    private static void Validate(IReadOnlyList<DialogDefinition> dialogs, Dictionary<string, IDialogAction> actions, HashSet<string> sources, List<string> problems)
    {
        foreach (var duplicate in dialogs.GroupBy(d => d.Id).Where(g => g.Count() > 1))
        {
            problems.Add($"{string.Join(", ", duplicate.Select(d => d.File))}: dialog id '{duplicate.Key}' is used more than once");
        }

        foreach (var trigger in dialogs.SelectMany(d => d.Triggers.Select(t => (Bare: ChineseText.Bare(t), d.File))).GroupBy(t => t.Bare).Where(g => g.Count() > 1))
        {
            problems.Add($"{string.Join(", ", trigger.Select(t => t.File).Distinct())}: trigger '{trigger.Key}' starts more than one dialog");
        }

        foreach (var dialog in dialogs)
        {
            var known = new HashSet<string>(StringComparer.Ordinal) { "user.name" };
            foreach (var step in dialog.Steps)
            {
                var at = $"{dialog.File}:{step.Line}";
                foreach (var placeholder in Placeholders(step.Text).Where(p => !known.Contains(p)))
                {
                    problems.Add($"{at}: '{{{placeholder}}}' is not a slot filled by an earlier step");
                }

                if (step.When is { } when && !known.Contains(when.Slot))
                {
                    problems.Add($"{at}: condition uses '{when.Slot}', which no earlier step fills");
                }

                if (step.Type == StepType.Ask)
                {
                    if (step.OptionsFrom is { } source && !sources.Contains(source))
                    {
                        problems.Add($"{at}: no option source named '{source}' is registered");
                    }

                    if (!known.Add(step.Slot!) && dialog.Steps.Count(s => s.Slot == step.Slot) > 1)
                    {
                        problems.Add($"{at}: slot '{step.Slot}' is asked twice");
                    }
                }
                else if (step.Type == StepType.Do)
                {
                    if (actions.TryGetValue(step.Kind, out var action))
                    {
                        known.UnionWith(action.Produces);
                    }
                    else
                    {
                        problems.Add($"{at}: no action named '{step.Kind}' is registered");
                    }
                }
            }
        }
    }

    private static IEnumerable<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Groups[1].Value);

    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_.\-]*)\}")]
    private static partial Regex Placeholder();
}
