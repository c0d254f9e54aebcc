using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Conversations;

namespace OutreachBot.Storage.LiteDb.Conversations;

public static class LiteDbConversationsServices
{
    /// <summary>Where to reach users, and the turns that failed, in the LiteDB file.</summary>
    public static IServiceCollection AddLiteDbConversations(this IServiceCollection services)
    {
        services.AddSingleton<IConversationReferences, LiteDbConversationReferences>();
        services.AddSingleton<IFailedTurns, LiteDbFailedTurns>();
        return services;
    }
}
