using System.CommandLine;
using System.Globalization;
using System.Text;
using OutreachBot.Handbook;
using OutreachBot.Handbook.Search;
using OutreachBot.Texts;

namespace OutreachBot.Cli;

/// <summary>
/// `ask "低保怎么申请"`: the reply a villager would get, with the ranking behind it.
/// `ask --questions q.jsonl [--handbook folder-or-file.md]`: one JSON line of ranked section titles per question.
/// </summary>
public sealed class AskCommand : ICliCommand
{
    public Command Create(IServiceProvider services)
    {
        var question = new Argument<string?>("question") { Description = "要问的问题，比如 “低保怎么申请”", Arity = ArgumentArity.ZeroOrOne };
        var handbook = new Option<string?>("--handbook") { Description = "用这个读本（文件夹或一个 .md 文件）代替配置里的 Handbook:Path（相对路径也可以相对仓库根目录）" };
        var questions = new Option<string?>("--questions") { Description = "JSONL 文件，每行 {\"q\": \"…\"}；每行输出 {\"q\": \"…\", \"ranked\": [节标题…]}（“-” 表示标准输入；相对路径也可以相对仓库根目录）" };
        var command = new Command("ask", "用政策读本回答问题：一个问题，或者一批问题（评测用）") { question, handbook, questions };
        command.SetAction(async (parse, cancellationToken) =>
        {
            Console.OutputEncoding = Encoding.UTF8;
            Console.InputEncoding = Encoding.UTF8;
            return await RunAsync(services, parse.GetValue(question), parse.GetValue(handbook), parse.GetValue(questions), Console.In, Console.Out, Console.Error, cancellationToken);
        });
        return command;
    }

    /// <returns>0 when every question was read; 1 when some lines were bad (the others are still answered); 2 on a usage error.</returns>
    public static async Task<int> RunAsync(IServiceProvider services, string? question, string? handbookPath, string? questionsPath, TextReader input, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var contentRoot = services.GetRequiredService<IHostEnvironment>().ContentRootPath;
        handbookPath = handbookPath is null ? null : Resolve(handbookPath, contentRoot);
        questionsPath = questionsPath is null or "-" ? questionsPath : Resolve(questionsPath, contentRoot);
        HandbookIndex index;
        try
        {
            index = handbookPath is null ? services.GetRequiredService<HandbookIndex>() : HandbookIndex.Open(handbookPath);
        }
        catch (HandbookException e)
        {
            await errors.WriteLineAsync(e.Message);
            return 2;
        }

        if (questionsPath is not null)
        {
            if (questionsPath != "-" && !File.Exists(questionsPath))
            {
                await errors.WriteLineAsync($"The questions file '{questionsPath}' does not exist.");
                return 2;
            }

            using var reader = questionsPath == "-" ? null : new StreamReader(questionsPath, Encoding.UTF8);
            var bad = await HandbookBatch.RunAsync(index, reader ?? input, output, errors, cancellationToken);
            return bad == 0 ? 0 : 1;
        }

        if (string.IsNullOrWhiteSpace(question))
        {
            await errors.WriteLineAsync("Give a question (ask \"低保怎么申请\") or a file of questions (ask --questions questions.jsonl).");
            return 2;
        }

        var answerer = handbookPath is null ? services.GetRequiredService<PolicyAnswerer>() : new PolicyAnswerer(index, services.GetRequiredService<TextCatalog>());
        var answer = answerer.Answer(question);
        await output.WriteLineAsync(answerer.Render(answer));
        var ranked = index.Search(question).Ranked.Select(r => r.Section.Title);
        await errors.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"（排序：{string.Join(" | ", ranked)}；把握 {answer.Confidence:0.00}）"));
        return 0;
    }

    /// <summary>
    /// A relative path as typed, else relative to the repository root: `dotnet run --project src/OutreachBot` runs
    /// in the project's folder, so paths typed at the repository root would otherwise not be found.
    /// </summary>
    private static string Resolve(string path, string contentRoot)
    {
        var typed = Path.GetFullPath(path);
        if (Path.IsPathRooted(path) || File.Exists(typed) || Directory.Exists(typed))
        {
            return typed;
        }

        var fromRoot = Path.GetFullPath(path, contentRoot);
        return File.Exists(fromRoot) || Directory.Exists(fromRoot) ? fromRoot : typed;
    }
}
