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
using OutreachBot.Texts;

namespace OutreachBot.Hosting;

public static class BotRegistration
{
    public static WebApplicationBuilder AddBotRuntime(this WebApplicationBuilder builder)
    {
        var dialogs = builder.AddTexts();
        builder.Services.AddBotPipeline();
        builder.Services.AddRetention(builder.Configuration);
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
        app.MapPost("/api/messages", async (HttpRequest request, HttpResponse response, IBotFrameworkHttpAdapter adapter, IBot bot, CancellationToken cancellationToken) =>
        {
            if (await IncomingActivity.ProblemAsync(request, cancellationToken) is { } problem)
            {
                return Results.BadRequest(problem);
            }

            await adapter.ProcessAsync(request, response, bot, cancellationToken);
            return Results.Empty;
        });
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
