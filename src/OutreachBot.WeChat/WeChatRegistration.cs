using Microsoft.AspNetCore.Builder;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using OutreachBot.Conversations;
using OutreachBot.Texts;
using OutreachBot.WeChat.Api;
using OutreachBot.WeChat.Endpoint;
using OutreachBot.WeChat.Protocol;
using OutreachBot.WeChat.Storage.LiteDb;
using OutreachBot.WeChat.Turns;

namespace OutreachBot.WeChat;

public static class WeChatRegistration
{
    /// <summary>
    /// The WeChat channel, when WeChat:Token is set; otherwise nothing is registered and /wechat answers 404.
    /// Needs the storage (its database and TimeProvider) and the bot runtime (IBot, TextCatalog) registered too.
    /// </summary>
    public static WebApplicationBuilder AddWeChat(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(WeChatOptions.Section);
        if (section.Get<WeChatOptions>() is not { Enabled: true })
        {
            return builder;
        }

        var services = builder.Services;
        services.AddOptions<WeChatOptions>().Bind(section).Validate(IsValid, ValidationMessage).ValidateOnStart();
        services.AddHttpClient(WeChatApiClient.HttpClientName, (sp, http) => http.BaseAddress = WithSlash(sp.GetRequiredService<IOptions<WeChatOptions>>().Value.ApiBaseUrl))
            .AddStandardResilienceHandler(resilience => resilience.Retry.DisableForUnsafeHttpMethods());
        services.AddLiteDbWeChat();
        services.AddSingleton<AccessTokenCache>();
        services.AddSingleton<WeChatApiClient>();
        services.AddSingleton<ServiceWindow>();
        services.AddSingleton<BackgroundWork>();
        services.AddHostedService(sp => sp.GetRequiredService<BackgroundWork>());
        services.AddHostedService<TextsCheck>();
        services.AddSingleton<CustomerServiceOutbox>();
        services.AddSingleton<IWeChatMessenger, WeChatMessenger>();
        services.AddSingleton<DeliveryLog>();
        services.AddSingleton<NonceLog>();
        services.AddSingleton<Deliveries>();
        services.AddSingleton<WeChatAdapter>();
        services.AddKeyedSingleton<BotAdapter>(WeChatAdapter.ChannelId, (sp, _) => sp.GetRequiredService<WeChatAdapter>());
        services.AddSingleton<IProactiveChannel>(sp => sp.GetRequiredService<WeChatAdapter>());
        services.AddSingleton<WeChatEndpoint>();
        return builder;
    }

    public static WebApplication MapWeChat(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetService<WeChatEndpoint>() is { } endpoint)
        {
            app.MapGet("/wechat", endpoint.VerifyAsync);
            app.MapPost("/wechat", endpoint.ReceiveAsync);
        }

        return app;
    }

    private const string ValidationMessage =
        "WeChat: EncodingAESKey must be 43 letters and digits with AppId set, PassiveReplyBudget between 0 and 5 seconds, MaxBodyBytes positive.";

    private static bool IsValid(WeChatOptions options)
    {
        if (options.CanDecrypt)
        {
            try
            {
                WeChatCrypto.DecodeKey(options.EncodingAESKey);
            }
            catch (ArgumentException)
            {
                return false;
            }

            if (string.IsNullOrWhiteSpace(options.AppId))
            {
                return false;
            }
        }

        return options.PassiveReplyBudget > TimeSpan.Zero && options.PassiveReplyBudget < TimeSpan.FromSeconds(5) && options.MaxBodyBytes > 0;
    }

    private static Uri WithSlash(Uri baseUrl) => baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");

    /// <summary>Fails start-up when dialogs/ lacks a text the channel says, instead of failing in front of a villager.</summary>
    private sealed class TextsCheck(TextCatalog texts) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            texts.EnsureKeys([typeof(WeChatTexts).Assembly]);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
