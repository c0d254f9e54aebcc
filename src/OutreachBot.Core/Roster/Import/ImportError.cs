namespace OutreachBot.Roster.Import;

/// <summary>
/// One reason an import was refused. <see cref="Row"/> is the row as a spreadsheet program shows it: the heading
/// is row 1, so the first data row is row 2; 0 means the file as a whole.
/// </summary>
public sealed record ImportError(string File, int Row, string Message)
{
    public override string ToString() => Row > 0 ? $"{File} 第 {Row} 行：{Message}" : $"{File}：{Message}";
}
