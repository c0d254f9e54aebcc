using Microsoft.Bot.Builder;
using OutreachBot.Dialogs.Prompts;
using OutreachBot.Identity;
using OutreachBot.Text;
using OutreachBot.Texts;

namespace OutreachBot.Dialogs;

/// <summary>
/// Runs a dialog file one turn at a time: asks the next question, reads the answer with the step's prompt,
/// retries with a specific message, offers a way out after three failures, reads the answers back before an
/// action, and handles 取消 / 帮助 / 上一步 / 菜单 at any step. All progress lives in <see cref="DialogState"/>.
/// </summary>
public sealed partial class DialogRunner(
    IEnumerable<IDialogAction> actions,
    IEnumerable<IOptionSource> sources,
    IEnumerable<IQuestionAnswerer> answerers,
    PromptRenderer render,
    TextCatalog texts,
    TimeProvider clock)
{
    public const int MaxAttempts = 3;

    private readonly Dictionary<string, IDialogAction> _actions = actions.ToDictionary(a => a.Name, StringComparer.Ordinal);
    private readonly Dictionary<string, IOptionSource> _sources = sources.ToDictionary(s => s.Name, StringComparer.Ordinal);
    private readonly IQuestionAnswerer? _answerer = answerers.FirstOrDefault();

    public Task<DialogOutcome> BeginAsync(Turn turn, IReadOnlyDictionary<string, string>? slots, CancellationToken cancellationToken)
    {
        var state = turn.State;
        state.DialogId = turn.Dialog.Id;
        state.Fingerprint = turn.Dialog.Fingerprint;
        state.RunId = Guid.NewGuid().ToString("N");
        state.Step = 0;
        state.Mode = DialogMode.Answering;
        state.Attempts = 0;
        state.Slots.Clear();
        state.Labels.Clear();
        state.HandedOff.Clear();
        state.Asked.Clear();
        state.Narrowed = null;
        state.Shown = null;
        state.ReturnToReview = null;
        foreach (var (name, value) in slots ?? new Dictionary<string, string>())
        {
            state.Slots[name] = value;
            state.Labels[name] = value;
        }

        return AdvanceAsync(turn, cancellationToken);
    }

    public async Task<DialogOutcome> ContinueAsync(Turn turn, CancellationToken cancellationToken)
    {
        var text = ChineseText.Normalize(turn.Context.Activity.Text);
        switch (Interruptions.Detect(text, texts))
        {
            case Interruption.Cancel:
                await turn.SayAsync(texts[DialogTexts.Cancelled], cancellationToken);
                return DialogOutcome.Ended;
            case Interruption.Menu:
                await turn.SayAsync(texts[DialogTexts.Cancelled], cancellationToken);
                return DialogOutcome.ShowMenu;
            case Interruption.Help:
                await HelpAsync(turn, cancellationToken);
                return DialogOutcome.Waiting;
            case Interruption.Back:
                return await BackAsync(turn, cancellationToken);
        }

        return turn.State.Mode switch
        {
            DialogMode.Review => await ReviewAnswerAsync(turn, text, cancellationToken),
            DialogMode.WayOut => await WayOutAnswerAsync(turn, text, cancellationToken),
            _ => await AnswerAsync(turn, text, cancellationToken),
        };
    }

    /// <summary>Runs steps from the current one until a question needs an answer or the dialog ends.</summary>
    private async Task<DialogOutcome> AdvanceAsync(Turn turn, CancellationToken cancellationToken)
    {
        var state = turn.State;
        var steps = turn.Dialog.Steps;
        while (state.Step < steps.Count)
        {
            var step = steps[state.Step];
            if (step.When is { } when && !when.IsMet(state.Slots))
            {
                state.Step++;
                continue;
            }

            switch (step.Type)
            {
                case StepType.Ask when state.Slots.ContainsKey(step.Slot!):
                    state.Step++;
                    break;
                case StepType.Ask:
                    return await AskAsync(turn, step, cancellationToken);
                case StepType.Say:
                    await turn.SayAsync(PromptRenderer.Fill(step.Text, state, turn.User), cancellationToken);
                    state.Step++;
                    break;
                case StepType.Review:
                    state.Mode = DialogMode.Review;
                    await turn.SayAsync(ReviewText(turn, step), cancellationToken);
                    return DialogOutcome.Waiting;
                case StepType.Do:
                    var result = await _actions[step.Kind].RunAsync(turn.ActionContext(texts, clock), cancellationToken);
                    switch (result.Outcome)
                    {
                        case ActionOutcome.End:
                            return DialogOutcome.Ended;
                        case ActionOutcome.Begin:
                            return new DialogOutcome.Chain(result.DialogId!, result.Slots ?? new Dictionary<string, string>());
                    }

                    state.Step++;
                    break;
            }
        }

        return DialogOutcome.Ended;
    }

    private async Task<DialogOutcome> AskAsync(Turn turn, StepDefinition step, CancellationToken cancellationToken)
    {
        var state = turn.State;
        state.Mode = DialogMode.Answering;
        state.Attempts = 0;
        state.Narrowed = null;
        var options = OptionsFor(turn, step);
        if (step.Kind == "choice" && options.Count == 0)
        {
            await turn.SayAsync(texts[DialogTexts.NoOptions], cancellationToken);
            return DialogOutcome.Ended;
        }

        if (state.Asked.Count == 0 || state.Asked[^1] != state.Step)
        {
            state.Asked.Add(state.Step);
        }

        await turn.SayAsync(render.Question(step, state, turn.User, Show(state, step, options)), cancellationToken);
        return DialogOutcome.Waiting;
    }

    /// <summary>Remembers the list a computed choice shows, so that a number answers that list (see <see cref="DialogState.Shown"/>).</summary>
    private static IReadOnlyList<ChoiceOption> Show(DialogState state, StepDefinition step, IReadOnlyList<ChoiceOption> options)
    {
        state.Shown = step.Kind == "choice" && step.OptionsFrom is not null && options.Count <= PromptRenderer.MaxListed
            ? [.. options.Select(o => o.Value)]
            : null;
        return options;
    }

    private IReadOnlyList<ChoiceOption> OptionsFor(Turn turn, StepDefinition step) =>
        step.Kind != "choice" ? []
        : step.OptionsFrom is { } source ? _sources[source].Options(turn.ActionContext(texts, clock))
        : step.Options;

    private async Task HelpAsync(Turn turn, CancellationToken cancellationToken)
    {
        var state = turn.State;
        var step = turn.Dialog.Steps[Math.Min(state.Step, turn.Dialog.Steps.Count - 1)];
        var help = step.Help ?? turn.Dialog.Help ?? texts[DialogTexts.HelpDefault];
        await turn.SayAsync(PromptRenderer.Fill(help, state, turn.User), cancellationToken);
        await RepeatAsync(turn, cancellationToken);
    }

    /// <summary>Asks the current question again (after help, an answered policy question, or a retry).</summary>
    private Task RepeatAsync(Turn turn, CancellationToken cancellationToken)
    {
        var state = turn.State;
        var step = turn.Dialog.Steps[state.Step];
        return state.Mode switch
        {
            DialogMode.Review => turn.SayAsync(ReviewText(turn, step), cancellationToken),
            DialogMode.WayOut => turn.SayAsync(WayOutText(step), cancellationToken),
            _ => turn.SayAsync(render.Question(step, state, turn.User, Show(state, step, OptionsFor(turn, step))), cancellationToken),
        };
    }

    private async Task<DialogOutcome> BackAsync(Turn turn, CancellationToken cancellationToken)
    {
        var state = turn.State;
        if (state.Asked.Count < 2)
        {
            await turn.SayAsync(texts[DialogTexts.AtFirstStep], cancellationToken);
            await RepeatAsync(turn, cancellationToken);
            return DialogOutcome.Waiting;
        }

        if (state.Asked[^1] == state.Step)
        {
            state.Asked.RemoveAt(state.Asked.Count - 1);
        }

        var target = state.Asked[^1];
        var slot = turn.Dialog.Steps[target].Slot!;
        state.Slots.Remove(slot);
        state.Labels.Remove(slot);
        state.HandedOff.Remove(slot);
        state.ReturnToReview = null;
        state.Step = target;
        return await AskAsync(turn, turn.Dialog.Steps[target], cancellationToken);
    }
}
