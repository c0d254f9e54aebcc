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
using OutreachBot.Dialogs;
using OutreachBot.Dialogs.Prompts;
using OutreachBot.Identity;
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

        // Kestrel would take 30 MB on any endpoint; an activity is a few kilobytes. The metadata sets Kestrel's limit
        // for this endpoint, and IncomingActivity enforces the same bound on hosts without one (the test server).
        var maxBodyBytes = app.Configuration.GetValue("Bot:MaxBodyBytes", DefaultMaxBodyBytes);
        if (maxBodyBytes <= 0)
        {
            throw new InvalidOperationException("Bot:MaxBodyBytes must be positive.");
        }

        app.MapPost("/api/messages", async (HttpRequest request, HttpResponse response, IBotFrameworkHttpAdapter adapter, IBot bot, CancellationToken cancellationToken) =>
        {
            switch (await IncomingActivity.ReadAsync(request, maxBodyBytes, cancellationToken))
            {
                case IncomingActivity.Outcome.TooLarge:
                    return Results.Problem($"The activity is larger than Bot:MaxBodyBytes ({maxBodyBytes} bytes).", statusCode: StatusCodes.Status413PayloadTooLarge);
                case IncomingActivity.Outcome.Unroutable(var reason):
                    return Results.BadRequest(reason);
            }

            await adapter.ProcessAsync(request, response, bot, cancellationToken);
            return Results.Empty;
        }).WithMetadata(new RequestSizeLimitAttribute(maxBodyBytes));
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
        // With no MicrosoftAppId configured this accepts anonymous local traffic (Emulator, Web Chat over a local
        // Direct Line); with one configured, every request must carry a valid Bot Framework JWT.
        builder.Services.AddSingleton<BotFrameworkAuthentication>(sp =>
            new ConfigurationBotFrameworkAuthentication(builder.Configuration, logger: sp.GetRequiredService<ILogger<BotFrameworkAuthentication>>()));
        builder.Services.AddSingleton<HttpAdapter>();
        builder.Services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<HttpAdapter>());
        builder.Services.AddSingleton<BotAdapter>(sp => sp.GetRequiredService<HttpAdapter>());
        builder.Services.AddSingleton<IProactiveChannel>(sp => sp.GetRequiredService<HttpAdapter>());
    }
}
