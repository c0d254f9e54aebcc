using OutreachBot.Time;
using OutreachBot.Dialogs.Prompts;
using OutreachBot.Text;

namespace OutreachBot.Dialogs;

public sealed partial class DialogRunner
{
    private async Task<DialogOutcome> AnswerAsync(Turn turn, string text, CancellationToken cancellationToken)
    {
        var state = turn.State;
        var step = turn.Dialog.Steps[state.Step];
        if (step.Optional && step.Kind != "confirm" && texts.WordList(DialogTexts.Skip).Contains(ChineseText.Bare(text)))
        {
            return await AcceptAsync(turn, step, "", texts[DialogTexts.NotFilled], cancellationToken);
        }

        var result = Recognize(turn, step, text, state.Narrowed);
        if (result is PromptResult.Rejected && state.Narrowed is not null)
        {
            result = Recognize(turn, step, text, null);
        }

        switch (result)
        {
            case PromptResult.Accepted accepted:
                return await AcceptAsync(turn, step, accepted.Value, accepted.Label, cancellationToken);
            case PromptResult.Ambiguous ambiguous:
                state.Narrowed = [.. ambiguous.Candidates];
                await turn.SayAsync(render.Candidates(ambiguous.Candidates), cancellationToken);
                return DialogOutcome.Waiting;
        }

        var retry = ((PromptResult.Rejected)result).Retry;
        // A policy question typed instead of an answer is answered, then the question is asked again. Free-text
        // steps never divert: "我家低保怎么还没发？" is a fine description of a problem.
        if (step.Kind != "text" && _answerer is not null && _answerer.IsPolicyQuestion(text) && _answerer.Answer(text) is { Answered: true } policy)
        {
            await turn.SayAsync(policy.Text, cancellationToken);
            await turn.SayAsync(texts[DialogTexts.Resume], cancellationToken);
            await RepeatAsync(turn, cancellationToken);
            return DialogOutcome.Waiting;
        }

        state.Narrowed = null;
        if (++state.Attempts >= MaxAttempts)
        {
            state.Mode = DialogMode.WayOut;
            await turn.SayAsync(WayOutText(step), cancellationToken);
            return DialogOutcome.Waiting;
        }

        var options = Show(state, step, OptionsFor(turn, step));
        await turn.SayAsync(step.Kind == "choice" && options.Count <= PromptRenderer.MaxListed
            ? PromptRenderer.Numbered(retry, options.Select(o => o.Label))
            : retry, cancellationToken);
        return DialogOutcome.Waiting;
    }

    private PromptResult Recognize(Turn turn, StepDefinition step, string text, IReadOnlyList<ChoiceOption>? narrowed)
    {
        if (narrowed is null && step.OptionsFrom is { } name && _sources[name] is ISearchableOptionSource searchable && ChineseText.Ordinal(text) is null)
        {
            var found = searchable.Search(turn.ActionContext(texts, clock), text);
            return found.Count switch
            {
                0 => PromptResult.Reject(new PromptInput(step, turn.Context.Activity, text, [], ChinaTime.Now(clock), texts), texts[PromptTexts.ChoiceRetry]),
                1 => new PromptResult.Accepted(found[0].Value, found[0].Label),
                _ => new PromptResult.Ambiguous(found),
            };
        }

        var options = narrowed ?? OptionsFor(turn, step);
        if (narrowed is null && turn.State.Shown is { } shown && ChineseText.Ordinal(text) is not null)
        {
            // The number is read against the list the user saw; an option gone since is not taken for the next one.
            var now = options.GroupBy(o => o.Value, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            options = [.. shown.Select(value => now.GetValueOrDefault(value) ?? Gone)];
        }

        var input = new PromptInput(step, turn.Context.Activity, text, options, ChinaTime.Now(clock), texts);
        var result = PromptKinds.All[step.Kind].Recognize(input);
        return result is PromptResult.Accepted { Value: GoneValue } ? PromptResult.Reject(input, texts[PromptTexts.ChoiceRetry]) : result;
    }

    private const string GoneValue = "\u0000gone";

    /// <summary>Stands in for a shown option that is no longer there: no words match it, and choosing it by number is refused.</summary>
    private static readonly ChoiceOption Gone = new(GoneValue, "");

    private async Task<DialogOutcome> AcceptAsync(Turn turn, StepDefinition step, string value, string label, CancellationToken cancellationToken)
    {
        var state = turn.State;
        state.Slots[step.Slot!] = value;
        state.Labels[step.Slot!] = label;
        state.HandedOff.Remove(step.Slot!);
        state.Attempts = 0;
        state.Narrowed = null;
        state.Mode = DialogMode.Answering;
        if (state.ReturnToReview is { } review)
        {
            state.ReturnToReview = null;
            state.Step = review;
            state.Mode = DialogMode.Review;
            await turn.SayAsync(ReviewText(turn, turn.Dialog.Steps[review]), cancellationToken);
            return DialogOutcome.Waiting;
        }

        state.Step++;
        return await AdvanceAsync(turn, cancellationToken);
    }

    /// <summary>The questions that apply, in order, as the read-back lists them.</summary>
    private static List<StepDefinition> Reviewed(Turn turn) =>
        turn.Dialog.Steps.Take(turn.State.Step)
            .Where(s => s.IsPrompt && turn.State.Slots.ContainsKey(s.Slot!) && (s.When is null || s.When.IsMet(turn.State.Slots)))
            .ToList();

    private string ReviewText(Turn turn, StepDefinition review)
    {
        var state = turn.State;
        var lines = Reviewed(turn).Select(s =>
        {
            var shown = state.HandedOff.Contains(s.Slot!) ? texts[DialogTexts.LeftForCadre]
                : state.Slots[s.Slot!].Length == 0 ? texts[DialogTexts.NotFilled]
                : state.Labels.GetValueOrDefault(s.Slot!, state.Slots[s.Slot!]);
            return $"{s.Label}：{shown}";
        });
        var heading = review.Text.Length > 0 ? PromptRenderer.Fill(review.Text, state, turn.User) : texts[DialogTexts.ReviewIntro];
        return PromptRenderer.Numbered(heading, lines, texts[DialogTexts.ReviewOutro]);
    }

    private async Task<DialogOutcome> ReviewAnswerAsync(Turn turn, string text, CancellationToken cancellationToken)
    {
        var state = turn.State;
        var reviewed = Reviewed(turn);
        if (ChineseText.Ordinal(text) is { } number && number >= 1 && number <= reviewed.Count)
        {
            var target = reviewed[number - 1];
            state.ReturnToReview = state.Step;
            state.Step = turn.Dialog.Steps.ToList().IndexOf(target);
            state.Mode = DialogMode.Answering;
            state.Attempts = 0;
            await turn.SayAsync(render.Question(target, state, turn.User, Show(state, target, OptionsFor(turn, target))), cancellationToken);
            return DialogOutcome.Waiting;
        }

        switch (ConfirmPrompt.Read(text, texts.WordList(PromptTexts.Yes), texts.WordList(PromptTexts.No)))
        {
            case true:
                state.Mode = DialogMode.Answering;
                state.Step++;
                return await AdvanceAsync(turn, cancellationToken);
            case false:
                await turn.SayAsync(texts[DialogTexts.ReviewWhich], cancellationToken);
                return DialogOutcome.Waiting;
            default:
                await turn.SayAsync(texts[DialogTexts.ReviewRetry], cancellationToken);
                return DialogOutcome.Waiting;
        }
    }
}
