using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Conversations;
using OutreachBot.Texts;

namespace OutreachBot.Dialogs;

public static class DialogServices
{
    /// <summary>
    /// The dialog runtime on the dialogs/ folder. The catalog is loaded and checked when the container is built
    /// (start-up), after every feature has registered its actions and option sources.
    /// </summary>
    public static IServiceCollection AddDialogRuntime(this IServiceCollection services, string folder)
    {
        services.AddSingleton(sp => DialogCatalog.Load(folder, sp.GetServices<IDialogAction>(), sp.GetServices<IOptionSource>()));
        services.AddSingleton<PromptRenderer>();
        services.AddSingleton<DialogRunner>();
        services.AddSingleton<MainMenu>();
        services.AddSingleton<DialogRouter>();
        services.AddSingleton<IConversationRouter>(sp => sp.GetRequiredService<DialogRouter>());
        services.AddSingleton<DialogStarter>();
        return services;
    }
}
