namespace OutreachBot.Tests.Support;

/// <summary>
/// A conversation written as plain text (see Transcripts/README.md): what the user sends, what the bot must answer.
/// </summary>
public sealed record Transcript(string Name, IReadOnlyList<Transcript.Line> Lines)
{
    public enum Kind
    {
        Say,
        Image,
        Location,
        User,
        Clock,
        Restart,
        Inbox,
        ExpectLine,
        ExpectContains,
        ExpectAbsent,
    }

    public sealed record Line(int Number, Kind Kind, string Text);

    public static Transcript Parse(string path)
    {
        var lines = new List<Line>();
        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var line = raw.TrimEnd();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var (kind, text) = line switch
            {
                _ when line.StartsWith("> ", StringComparison.Ordinal) => (Kind.Say, line[2..]),
                _ when line.StartsWith("< ", StringComparison.Ordinal) => (Kind.ExpectLine, line[2..]),
                _ when line.StartsWith("~ ", StringComparison.Ordinal) => (Kind.ExpectContains, line[2..]),
                _ when line.StartsWith("! ", StringComparison.Ordinal) => (Kind.ExpectAbsent, line[2..]),
                _ when line.StartsWith("@image ", StringComparison.Ordinal) => (Kind.Image, line[7..]),
                _ when line.StartsWith("@location ", StringComparison.Ordinal) => (Kind.Location, line[10..]),
                _ when line.StartsWith("@user ", StringComparison.Ordinal) => (Kind.User, line[6..]),
                _ when line.StartsWith("@clock ", StringComparison.Ordinal) => (Kind.Clock, line[7..]),
                "@restart" => (Kind.Restart, ""),
                "@inbox" => (Kind.Inbox, ""),
                _ => throw new FormatException($"{Path.GetFileName(path)}:{number}: cannot read '{line}'"),
            };
            lines.Add(new Line(number, kind, text.Trim()));
        }

        return new Transcript(Path.GetFileNameWithoutExtension(path), lines);
    }
}
