using Microsoft.Bot.Builder;
using OutreachBot.Conversations;
using OutreachBot.Identity;
using OutreachBot.Text;
using OutreachBot.Texts;

namespace OutreachBot.Dialogs;

/// <summary>
/// What a message means. Inside a dialog it is an answer (or 取消/帮助/上一步/菜单). Otherwise, in order: a message
/// with its own shape (a tracking number, 绑定 + code), a greeting or 菜单, a menu number, a trigger phrase, a
/// policy question; else "I didn't understand" with the menu.
/// </summary>
public sealed class DialogRouter(
    ConversationState conversationState,
    DialogCatalog catalog,
    DialogRunner runner,
    MainMenu menu,
    IIdentityResolver identities,
    IEnumerable<IMessageHandler> handlers,
    IEnumerable<IQuestionAnswerer> answerers,
    TextCatalog texts) : IConversationRouter
{
    private readonly IStatePropertyAccessor<DialogState> _dialog = conversationState.CreateProperty<DialogState>(nameof(DialogState));
    private readonly IStatePropertyAccessor<List<PolicyFollowUp>> _followUps = conversationState.CreateProperty<List<PolicyFollowUp>>("PolicyFollowUps");
    private readonly IQuestionAnswerer? _answerer = answerers.FirstOrDefault();

    public async Task OnWelcomeAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var user = Identify(turnContext);
        await turnContext.SendActivityAsync(texts[ConversationTexts.Welcome] + "\n" + menu.Render(user.Role), cancellationToken: cancellationToken);
    }

    public async Task OnMessageAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var user = Identify(turnContext);
        var state = await _dialog.GetAsync(turnContext, () => new DialogState(), cancellationToken);
        if (state.DialogId.Length > 0)
        {
            await ContinueAsync(turnContext, user, state, cancellationToken);
            return;
        }

        var text = ChineseText.Normalize(turnContext.Activity.Text);
        var followUps = await _followUps.GetAsync(turnContext, () => [], cancellationToken);
        if (followUps.Count > 0)
        {
            await _followUps.DeleteAsync(turnContext, cancellationToken);
            if (ChineseText.Ordinal(text) is { } chosen && chosen >= 1 && chosen <= followUps.Count)
            {
                await FollowUpAsync(turnContext, user, state, followUps[chosen - 1], cancellationToken);
                return;
            }
        }

        foreach (var handler in handlers)
        {
            if (await handler.TryHandleAsync(turnContext, user, text, cancellationToken))
            {
                return;
            }
        }

        var bare = ChineseText.Bare(text);
        if (texts.WordList(DialogTexts.Greeting).Contains(bare))
        {
            await OnWelcomeAsync(turnContext, cancellationToken);
            return;
        }

        var items = menu.For(user.Role);
        if (texts.WordList(DialogTexts.Menu).Contains(bare) || texts.WordList(DialogTexts.Cancel).Contains(bare))
        {
            await SayAsync(turnContext, menu.Render(user.Role), cancellationToken);
            return;
        }

        if (ChineseText.Ordinal(text) is { } number)
        {
            if (number >= 1 && number <= items.Count)
            {
                await BeginAsync(turnContext, user, state, items[number - 1], null, cancellationToken);
            }
            else
            {
                await SayAsync(turnContext, menu.Render(user.Role), cancellationToken);
            }

            return;
        }

        if (catalog.MatchTrigger(text) is { } dialog)
        {
            await BeginAsync(turnContext, user, state, dialog, null, cancellationToken);
            return;
        }

        if (bare.Length > 0 && _answerer?.Answer(text) is { } reply)
        {
            await ReplyAsync(turnContext, reply, cancellationToken);
            return;
        }

        await SayAsync(turnContext, texts[ConversationTexts.NotUnderstood] + "\n" + menu.Render(user.Role), cancellationToken);
    }

    /// <summary>
    /// Starts a dialog from code (a follow-up question after an entry is closed) unless the user is in the middle of
    /// another one, which is never interrupted. The caller saves the conversation state.
    /// </summary>
    public async Task<bool> StartIfIdleAsync(ITurnContext turnContext, string dialogId, IReadOnlyDictionary<string, string> slots, CancellationToken cancellationToken)
    {
        var state = await _dialog.GetAsync(turnContext, () => new DialogState(), cancellationToken);
        if (state.DialogId.Length > 0 || catalog.Find(dialogId) is not { } dialog)
        {
            return false;
        }

        await BeginAsync(turnContext, Identify(turnContext), state, dialog, slots, cancellationToken);
        return true;
    }

    private async Task ReplyAsync(ITurnContext turnContext, PolicyReply reply, CancellationToken cancellationToken)
    {
        await SayAsync(turnContext, reply.FullText, cancellationToken);
        if (reply.FollowUps.Count > 0)
        {
            await _followUps.SetAsync(turnContext, [.. reply.FollowUps], cancellationToken);
        }
    }

    private async Task FollowUpAsync(ITurnContext turnContext, UserIdentity user, DialogState state, PolicyFollowUp followUp, CancellationToken cancellationToken)
    {
        if (followUp.Section is { } title && _answerer?.Section(title) is { } section)
        {
            await ReplyAsync(turnContext, section, cancellationToken);
        }
        else if (followUp.DialogId is { } id && catalog.Find(id) is { } dialog)
        {
            await BeginAsync(turnContext, user, state, dialog, followUp.Slots, cancellationToken);
        }
        else
        {
            await SayAsync(turnContext, texts[DialogTexts.NoThanks], cancellationToken);
        }
    }

    private UserIdentity Identify(ITurnContext turnContext)
    {
        var activity = turnContext.Activity;
        return identities.Resolve(activity.ChannelId ?? "", activity.From?.Id ?? activity.Conversation?.Id ?? "", Callers.IsOnThisMachine(turnContext));
    }

    private async Task ContinueAsync(ITurnContext turnContext, UserIdentity user, DialogState state, CancellationToken cancellationToken)
    {
        var dialog = catalog.Find(state.DialogId);
        if (dialog is null || dialog.Fingerprint != state.Fingerprint || !dialog.AllowedFor(user.Role))
        {
            // The file changed (or the user's role did) since the last turn: saved answers may not fit any more.
            await SayAsync(turnContext, texts[DialogTexts.Restarted], cancellationToken);
            if (dialog is not null && dialog.AllowedFor(user.Role))
            {
                await BeginAsync(turnContext, user, state, dialog, null, cancellationToken);
            }
            else
            {
                await _dialog.DeleteAsync(turnContext, cancellationToken);
                await SayAsync(turnContext, menu.Render(user.Role), cancellationToken);
            }

            return;
        }

        var outcome = await runner.ContinueAsync(new Turn(turnContext, user, dialog, state), cancellationToken);
        await ApplyAsync(turnContext, user, state, outcome, cancellationToken);
    }

    private async Task BeginAsync(ITurnContext turnContext, UserIdentity user, DialogState state, DialogDefinition dialog, IReadOnlyDictionary<string, string>? slots, CancellationToken cancellationToken)
    {
        if (!dialog.AllowedFor(user.Role))
        {
            var roles = string.Join("、", dialog.Roles.Select(menu.RoleName));
            await SayAsync(turnContext, texts.Format(DialogTexts.NotAllowed, ("title", dialog.Title), ("roles", roles)), cancellationToken);
            return;
        }

        var outcome = await runner.BeginAsync(new Turn(turnContext, user, dialog, state), slots, cancellationToken);
        await ApplyAsync(turnContext, user, state, outcome, cancellationToken);
    }

    private async Task ApplyAsync(ITurnContext turnContext, UserIdentity user, DialogState state, DialogOutcome outcome, CancellationToken cancellationToken)
    {
        switch (outcome)
        {
            case DialogOutcome.WaitingForAnswer:
                await _dialog.SetAsync(turnContext, state, cancellationToken);
                break;
            case DialogOutcome.Chain chain when catalog.Find(chain.DialogId) is { } next:
                await BeginAsync(turnContext, user, state, next, chain.Slots, cancellationToken);
                break;
            case DialogOutcome.MenuRequested:
                await _dialog.DeleteAsync(turnContext, cancellationToken);
                await SayAsync(turnContext, menu.Render(user.Role), cancellationToken);
                break;
            default:
                await _dialog.DeleteAsync(turnContext, cancellationToken);
                break;
        }
    }

    private static Task SayAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(text, cancellationToken: cancellationToken);
}
