namespace OutreachBot.Handbook;

/// <summary>
/// The handbook's answer to a question. When <see cref="Found"/>, it names the section (<see cref="Title"/>), quotes
/// its most relevant passage, and offers up to two other sections (<see cref="FollowUps"/>, shown as choices 1 and 2).
/// When not, the bot declines and offers to pass the question to the village's cadres as a 民生诉求 entry.
/// </summary>
/// <param name="Confidence">From 0 to 1, how sure the search is (see HandbookIndex.Confidence).</param>
public sealed record PolicyAnswer(string Question, bool Found, string? Title, string? Passage, IReadOnlyList<string> FollowUps, double Confidence)
{
    public static PolicyAnswer Declined(string question, double confidence) => new(question, false, null, null, [], confidence);
}
