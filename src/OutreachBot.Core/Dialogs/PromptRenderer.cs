using System.Text;
using OutreachBot.Dialogs.Prompts;
using OutreachBot.Identity;
using OutreachBot.Texts;

namespace OutreachBot.Dialogs;

/// <summary>How a question, a list of options and the read-back look in a reply (plain lines; lists as "1. …").</summary>
public sealed class PromptRenderer(TextCatalog texts)
{
    /// <summary>Longer lists are not printed; the user is asked to type the name instead.</summary>
    public const int MaxListed = 20;

    public static string Fill(string template, DialogState state, UserIdentity user)
    {
        var values = state.Labels.Select(kv => (kv.Key, (object?)kv.Value))
            .Append(("user.name", user.DisplayName ?? ""));
        return TextCatalog.Fill(template, values);
    }

    public string Question(StepDefinition step, DialogState state, UserIdentity user, IReadOnlyList<ChoiceOption> options)
    {
        var text = new StringBuilder(Fill(step.Text, state, user));
        if (step.Kind == "choice")
        {
            AppendOptions(text, options);
        }

        if (step.Optional && step.Kind != "confirm")
        {
            text.Append('\n').Append(texts[DialogTexts.OptionalHint]);
        }

        return text.ToString();
    }

    public string Candidates(IReadOnlyList<ChoiceOption> candidates)
    {
        var text = new StringBuilder(texts[PromptTexts.ChoiceAmbiguous]);
        AppendOptions(text, candidates);
        return text.ToString();
    }

    public static string Numbered(string heading, IEnumerable<string> items, string? footer = null)
    {
        var text = new StringBuilder(heading);
        var number = 1;
        foreach (var item in items)
        {
            text.Append('\n').Append(number++).Append(". ").Append(item);
        }

        if (footer is not null)
        {
            text.Append('\n').Append(footer);
        }

        return text.ToString();
    }

    private void AppendOptions(StringBuilder text, IReadOnlyList<ChoiceOption> options)
    {
        if (options.Count > MaxListed)
        {
            text.Append('\n').Append(texts[PromptTexts.ChoiceByName]);
            return;
        }

        for (var i = 0; i < options.Count; i++)
        {
            text.Append('\n').Append(i + 1).Append(". ").Append(options[i].Label);
        }
    }
}
