using System.Text.Encodings.Web;
using System.Text.Json;
using OutreachBot.Handbook.Search;

namespace OutreachBot.Handbook;

/// <summary>
/// The batch form of `ask`: reads JSON lines {"q": "…"} and writes for each a line {"q": "…", "ranked": [titles]}
/// (best first, at most five; empty when the search declines). A bad line gets a line {"line": n, "error": "…"} in
/// its place, so output lines stay aligned with input lines, and a message on the error writer; the other lines are
/// still answered. Blank lines are skipped.
/// </summary>
public static class HandbookBatch
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <returns>The number of bad lines.</returns>
    public static async Task<int> RunAsync(HandbookIndex index, TextReader input, TextWriter output, TextWriter errors, CancellationToken cancellationToken = default)
    {
        var bad = 0;
        var number = 0;
        while (await input.ReadLineAsync(cancellationToken) is { } line)
        {
            number++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var (question, error) = ReadQuestion(line);
            if (error is not null)
            {
                bad++;
                await output.WriteLineAsync(JsonSerializer.Serialize(new { line = number, error }, Json));
                await errors.WriteLineAsync($"line {number}: {error}");
                continue;
            }

            var ranked = index.Rank(question!).Select(r => r.Section.Title).ToArray();
            await output.WriteLineAsync(JsonSerializer.Serialize(new { q = question, ranked }, Json));
        }

        await output.FlushAsync(cancellationToken);
        return bad;
    }

    private static (string? Question, string? Error) ReadQuestion(string line)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            return (null, $"not JSON ({e.Message.Split('.')[0]}); expected {{\"q\": \"…\"}}");
        }

        using (json)
        {
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, "expected an object like {\"q\": \"…\"}");
            }

            if (!json.RootElement.TryGetProperty("q", out var q))
            {
                return (null, "no \"q\" field");
            }

            if (q.ValueKind != JsonValueKind.String)
            {
                return (null, "\"q\" must be a string");
            }

            var question = q.GetString()!;
            return question.Trim().Length == 0 ? (null, "\"q\" is empty") : (question, null);
        }
    }
}
