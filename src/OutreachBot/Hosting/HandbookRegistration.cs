using OutreachBot.Cli;
using OutreachBot.Dialogs;
using OutreachBot.Handbook;
using OutreachBot.Handbook.Search;

namespace OutreachBot.Hosting;

public static class HandbookRegistration
{
    public const string PathKey = "Handbook:Path";
    public const string DefaultPath = "seeds/handbook";

    /// <summary>
    /// Indexes the handbook once, now, so a missing folder or a handbook without sections stops start-up with a
    /// message instead of failing a villager's first question; registers the answering service and `ask`.
    /// </summary>
    public static WebApplicationBuilder AddHandbook(this WebApplicationBuilder builder)
    {
        var path = Path.GetFullPath(builder.Configuration[PathKey] is { Length: > 0 } configured ? configured : DefaultPath, builder.Environment.ContentRootPath);
        HandbookIndex index;
        try
        {
            index = HandbookIndex.Open(path);
        }
        catch (HandbookException e)
        {
            throw new InvalidOperationException($"{PathKey}: {e.Message}", e);
        }

        builder.Services.AddSingleton(index);
        builder.Services.AddSingleton<PolicyAnswerer>();
        builder.Services.AddSingleton<IQuestionAnswerer, HandbookQuestionAnswerer>();
        builder.Services.AddSingleton<ICliCommand, AskCommand>();
        return builder;
    }
}
