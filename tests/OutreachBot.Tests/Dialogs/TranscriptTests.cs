using OutreachBot.Tests.Support;

namespace OutreachBot.Tests.Dialogs;

/// <summary>Plays every conversation in Transcripts/ through the bot.</summary>
public sealed class TranscriptTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Transcripts"), "*.txt").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Conversation_goes_as_written(string file)
    {
        await using var runner = new TranscriptRunner();

        await runner.PlayAsync(Transcript.Parse(Path.Combine(AppContext.BaseDirectory, "Transcripts", file)));
    }
}
