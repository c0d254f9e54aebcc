using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace OutreachBot.Conversations;

/// <summary>
/// The middleware and error handling every adapter shares (HTTP, WeChat, console), so a turn behaves the same on
/// every channel. Middleware runs in registration order; the turn gate is registered first.
/// </summary>
public static class BotPipeline
{
    public static void Apply(BotAdapter adapter, IServiceProvider services)
    {
        foreach (var middleware in services.GetServices<IMiddleware>())
        {
            adapter.Use(middleware);
        }

        var errors = services.GetService<TurnErrorHandler>();
        if (errors is not null)
        {
            adapter.OnTurnError = errors.HandleAsync;
        }
    }

    public static IServiceCollection AddBotPipeline(this IServiceCollection services)
    {
        services.AddSingleton<TurnFailures>();
        services.AddSingleton<IMiddleware, TurnGate>();
        services.AddSingleton<IMiddleware, RememberConversations>();
        services.AddSingleton<IMiddleware, ReplyFormatting>();
        services.AddSingleton<ConversationReferenceStore>();
        services.AddSingleton<ProactiveMessenger>();
        services.AddSingleton<FailedTurnStore>();
        services.AddSingleton<TurnErrorHandler>();
        return services;
    }
}
