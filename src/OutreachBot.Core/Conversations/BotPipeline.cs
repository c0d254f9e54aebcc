using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace OutreachBot.Conversations;

/// <summary>
/// The middleware and error handling every adapter shares (HTTP, WeChat, console), so a turn behaves the same on
/// every channel. Middleware runs in registration order: reply formatting first, so every reply is formatted
/// (the limits' own notices too); then the rate limit and the text limit, so a flood or an over-long text is dealt
/// with before it waits for the conversation's turn gate or anything reads it; then the gate.
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
        services.AddOptions<BotLimitsOptions>().Validate(o => o.IsValid, "Bot: MaxTextChars and RateLimit:Burst must be positive, RateLimit:PermitsPerMinute not negative.").ValidateOnStart();
        services.AddSingleton<TurnFailures>();
        services.AddSingleton<IMiddleware, ReplyFormatting>();
        services.AddSingleton<IMiddleware, MessageRateLimit>();
        services.AddSingleton<IMiddleware, TextLimit>();
        services.AddSingleton<IMiddleware, TurnGate>();
        services.AddSingleton<IMiddleware, RememberConversations>();
        services.AddSingleton<ProactiveMessenger>();
        services.AddSingleton<TurnErrorHandler>();
        return services;
    }
}
