using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Dialogs;

namespace OutreachBot.Tests.Support;

/// <summary>
/// The fixture dialogs of Dialogs/Fixtures next to the product's own dialogs/ files, with the two code pieces they
/// name: an action that says back every slot it received, and an option source of look-alike names.
/// </summary>
public static class TestDialogs
{
    public static string CombinedFolder(TempFolder temp)
    {
        var folder = Path.Combine(temp.Path, "dialogs");
        Directory.CreateDirectory(folder);
        var product = Path.Combine(OutreachBot.Hosting.ContentRoot.Locate(), "dialogs");
        foreach (var file in Directory.EnumerateFiles(product, "*.yaml").Concat(Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Dialogs", "Fixtures"), "*.yaml")))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: true);
        }

        return folder;
    }

    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<IDialogAction, Record>();
        services.AddSingleton<IOptionSource, People>();
    }

    private sealed class Record : IDialogAction
    {
        public string Name => "test.record";

        public async Task<ActionResult> RunAsync(DialogContext context, CancellationToken cancellationToken)
        {
            var text = new StringBuilder("已记录：");
            foreach (var (slot, value) in context.Slots.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                text.Append('\n').Append(slot).Append('=').Append(value.Replace("\n", " | ", StringComparison.Ordinal));
                if (context.HandedOff.Contains(slot))
                {
                    text.Append(" (留给干部)");
                }
            }

            await context.SayAsync(text.ToString(), cancellationToken);
            return ActionResult.End;
        }
    }

    private sealed class People : IOptionSource
    {
        public string Name => "test.people";

        public IReadOnlyList<ChoiceOption> Options(DialogContext context) =>
        [
            new("p1", "张三丰"),
            new("p2", "张三峰"),
            new("p3", "李四"),
            new("p4", "王小明"),
        ];
    }
}
