using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.WeChat.Api;
using OutreachBot.WeChat.Endpoint;
using OutreachBot.WeChat.Turns;

namespace OutreachBot.WeChat.Storage.LiteDb;

public static class LiteDbWeChatServices
{
    public const string DeliveriesCollection = "wechat_deliveries";
    public const string NoncesCollection = "wechat_nonces";

    /// <summary>The channel's stores on the process's LiteDB file (registered by the host's storage).</summary>
    public static IServiceCollection AddLiteDbWeChat(this IServiceCollection services)
    {
        services.AddSingleton<IFollowers, LiteDbFollowers>();
        services.AddSingleton<IUndeliveredMessages, LiteDbUndeliveredMessages>();
        services.AddSingleton<IExpiringRecords<DeliveryLog.Delivery>>(sp =>
            new LiteDbExpiringRecords<DeliveryLog.Delivery>(sp.GetRequiredService<ILiteDatabase>(), DeliveriesCollection));
        services.AddSingleton<IExpiringRecords<NonceLog.SeenNonce>>(sp =>
            new LiteDbExpiringRecords<NonceLog.SeenNonce>(sp.GetRequiredService<ILiteDatabase>(), NoncesCollection));
        return services;
    }
}
