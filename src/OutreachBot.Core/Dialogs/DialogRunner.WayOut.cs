namespace OutreachBot.Dialogs;

/// <summary>After three failed answers the user is offered a way out instead of the same question again.</summary>
public sealed partial class DialogRunner
{
    private enum Exit
    {
        Skip,
        Cadre,
        Retry,
        Menu,
    }

    private List<(Exit Exit, ChoiceOption Option)> WayOutOptions(StepDefinition step)
    {
        var exits = new List<(Exit, ChoiceOption)>();
        if (step.Optional)
        {
            exits.Add((Exit.Skip, new ChoiceOption("skip", texts[DialogTexts.WayOutSkip], ["跳过", "不填"])));
        }

        if (step.HandOff)
        {
            exits.Add((Exit.Cadre, new ChoiceOption("cadre", texts[DialogTexts.WayOutCadre], ["干部", "留给干部", "让干部问"])));
        }

        exits.Add((Exit.Retry, new ChoiceOption("retry", texts[DialogTexts.WayOutRetry], ["再试", "重新", "再来"])));
        exits.Add((Exit.Menu, new ChoiceOption("menu", texts[DialogTexts.WayOutMenu], ["菜单", "回菜单"])));
        return exits;
    }

    private string WayOutText(StepDefinition step) =>
        PromptRenderer.Numbered(texts[DialogTexts.WayOut], WayOutOptions(step).Select(e => e.Option.Label));

    private async Task<DialogOutcome> WayOutAnswerAsync(Turn turn, string text, CancellationToken cancellationToken)
    {
        var state = turn.State;
        var step = turn.Dialog.Steps[state.Step];
        var exits = WayOutOptions(step);
        var chosen = Prompts.ChoicePrompt.Match(text, exits.Select(e => e.Option).ToList());
        if (chosen.Count != 1)
        {
            await turn.SayAsync(texts[DialogTexts.WayOutRetryAgain] + "\n" + WayOutText(step), cancellationToken);
            return DialogOutcome.Waiting;
        }

        switch (exits.First(e => e.Option == chosen[0]).Exit)
        {
            case Exit.Skip:
                return await AcceptAsync(turn, step, "", texts[DialogTexts.NotFilled], cancellationToken);
            case Exit.Cadre:
                var outcome = await AcceptAsync(turn, step, "", texts[DialogTexts.LeftForCadre], cancellationToken);
                state.HandedOff.Add(step.Slot!);
                return outcome;
            case Exit.Menu:
                await turn.SayAsync(texts[DialogTexts.Cancelled], cancellationToken);
                return DialogOutcome.ShowMenu;
            default:
                state.Mode = DialogMode.Answering;
                state.Attempts = 0;
                await RepeatAsync(turn, cancellationToken);
                return DialogOutcome.Waiting;
        }
    }
}
