using Microsoft.AspNetCore.Mvc;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using OutreachBot.Channels.BotFramework;
using OutreachBot.Channels.ConsoleChat;
using OutreachBot.Channels.WeChat;
using OutreachBot.Cli;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OutreachBot.Conversations;
using OutreachBot.Conversations.Retention;
using OutreachBot.Dialogs;
using OutreachBot.Dialogs.Prompts;
using OutreachBot.Identity;
using OutreachBot.Storage.LiteDb.Conversations;
using OutreachBot.Texts;

namespace OutreachBot.Hosting;

public static class BotRegistration
{
    /// <summary>256 KiB: the 2,000 characters a text keeps, escaped, with room for a channel's entities and attachments.</summary>
    public const long DefaultMaxBodyBytes = 256 * 1024;

    public static WebApplicationBuilder AddBotRuntime(this WebApplicationBuilder builder)
    {
        var dialogs = builder.AddTexts();
        builder.Services.AddBotPipeline();
        builder.Services.AddLiteDbConversations();
        builder.Services.AddRetention(builder.Configuration);
        builder.Services.Configure<BotLimitsOptions>(builder.Configuration.GetSection(BotLimitsOptions.Section));
        builder.Services.TryAddSingleton<IIdentityResolver, EveryoneIsResident>();
        builder.Services.AddDialogRuntime(dialogs);
        builder.Services.AddSingleton<IBot, TurnHandler>();
        builder.Services.AddSingleton<ICliCommand, ChatCommand>();
        builder.Services.AddSingleton<ICliCommand, WeChatSimCommand>();
        builder.AddHttpAdapter();
        return builder;
    }

    /// <summary>The baseline for benchmarks: same host and adapter, no storage, no dialogs.</summary>
    public static WebApplicationBuilder AddEchoBot(this WebApplicationBuilder builder)
    {
        builder.AddTexts();
        builder.Services.AddSingleton<IBot, EchoBot>();
        builder.Services.AddHealthChecks();
        builder.AddHttpAdapter();
        return builder;
    }

    public static WebApplication MapBotEndpoints(this WebApplication app)
    {
        // Dialog files are checked now (echo mode has none), so a broken file stops start-up, not a conversation.
        if (app.Services.GetService<DialogCatalog>() is not null)
        {
            _ = Task.Run(DatePrompt.WarmUp);
        }

        // Kestrel would take 30 MB on any endpoint; an activity is a few kilobytes. IncomingActivity keeps at most
        // Bot:MaxBodyBytes in memory and reads a larger body on to its end only to answer 413 cleanly; the metadata
        // sets Kestrel's limit for this endpoint to that drain limit, past which Kestrel stops reading.
        var maxBodyBytes = app.Configuration.GetValue("Bot:MaxBodyBytes", DefaultMaxBodyBytes);
        if (maxBodyBytes <= 0)
        {
            throw new InvalidOperationException("Bot:MaxBodyBytes must be positive.");
        }

        var access = app.Services.GetRequiredService<BotAccess>();
        app.Lifetime.ApplicationStarted.Register(() => access.Decide());
        app.MapPost("/api/messages", async (HttpContext context, IBotFrameworkHttpAdapter adapter, IBot bot, CancellationToken cancellationToken) =>
        {
            switch (access.Mode)
            {
                case null:
                    return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
                case BotAccessMode.Off:
                    return Results.NotFound();
            }

            var anonymous = access.Mode != BotAccessMode.Authenticated;
            var onThisMachine = anonymous && BotAccess.IsFromThisMachine(context);
            if (access.Mode == BotAccessMode.ThisMachineOnly && !onThisMachine)
            {
                return Results.Text("Without MicrosoftAppId, /api/messages serves requests from this machine only.", statusCode: StatusCodes.Status403Forbidden);
            }

            switch (await IncomingActivity.ReadAsync(context.Request, maxBodyBytes, anonymous, cancellationToken))
            {
                case IncomingActivity.Outcome.TooLarge(var drained):
                    if (!drained)
                    {
                        // The rest of the body is never read, so the connection cannot carry another request: say so,
                        // or a client that reuses it sees its next request cut off (found by bench/Replay's drill).
                        context.Response.Headers.Connection = "close";
                    }

                    return Results.Problem($"The activity is larger than Bot:MaxBodyBytes ({maxBodyBytes} bytes).", statusCode: StatusCodes.Status413PayloadTooLarge);
                case IncomingActivity.Outcome.Refused(var status, var reason):
                    return Results.Text(reason, statusCode: status);
            }

            await adapter.ProcessAsync(context.Request, context.Response, onThisMachine ? new OnThisMachineBot(bot) : bot, cancellationToken);
            return Results.Empty;
        }).WithMetadata(new RequestSizeLimitAttribute(IncomingActivity.DrainLimit(maxBodyBytes)));
        app.MapHealthChecks("/healthz");
        return app;
    }

    /// <summary>Loads the wording of dialogs/ and returns the folder.</summary>
    private static string AddTexts(this WebApplicationBuilder builder)
    {
        var folder = Path.GetFullPath(builder.Configuration["Dialogs:Path"] ?? "dialogs", builder.Environment.ContentRootPath);
        var texts = TextCatalog.Load(folder);
        texts.EnsureKeys([typeof(TextCatalog).Assembly]);
        builder.Services.AddSingleton(texts);
        return folder;
    }

    private static void AddHttpAdapter(this WebApplicationBuilder builder)
    {
        // With no MicrosoftAppId configured the SDK accepts anonymous traffic; BotAccess limits it to this machine
        // (Emulator, Web Chat over a local Direct Line) unless Bot:AllowAnonymous says otherwise. With one configured,
        // every request must carry a valid Bot Framework JWT, whose serviceurl claim the SDK checks.
        builder.Services.AddSingleton<BotFrameworkAuthentication>(sp =>
            new ConfigurationBotFrameworkAuthentication(builder.Configuration, logger: sp.GetRequiredService<ILogger<BotFrameworkAuthentication>>()));
        builder.Services.AddSingleton<BotAccess>();
        builder.Services.AddSingleton<HttpAdapter>();
        builder.Services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<HttpAdapter>());
        builder.Services.AddSingleton<BotAdapter>(sp => sp.GetRequiredService<HttpAdapter>());
        builder.Services.AddSingleton<IProactiveChannel>(sp => sp.GetRequiredService<HttpAdapter>());
    }

    /// <summary>Tells the turn that its caller is on this machine (see <see cref="Callers.IsOnThisMachine"/>).</summary>
    private sealed class OnThisMachineBot(IBot bot) : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            Callers.MarkOnThisMachine(turnContext);
            return bot.OnTurnAsync(turnContext, cancellationToken);
        }
    }
}
