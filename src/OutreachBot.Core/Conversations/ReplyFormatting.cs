using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace OutreachBot.Conversations;

/// <summary>Applies <see cref="ReplyFormat"/> to every message a turn sends.</summary>
public sealed class ReplyFormatting : IMiddleware
{
    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var markdown = ReplyFormat.RendersMarkdown(turnContext.Activity.ChannelId);
        turnContext.OnSendActivities(async (context, activities, nextSend) =>
        {
            // A reply that already has a format was formatted when first sent (TurnHandler answers a resent message again).
            foreach (var activity in activities.Where(a => a.Type == ActivityTypes.Message && a.Text is not null && a.TextFormat is null))
            {
                activity.TextFormat = markdown ? TextFormatTypes.Markdown : TextFormatTypes.Plain;
                if (markdown)
                {
                    activity.Text = ReplyFormat.ToMarkdown(activity.Text);
                }
            }

            return await nextSend().ConfigureAwait(false);
        });
        return next(cancellationToken);
    }
}
