using OutreachBot.Handbook.Search;
using OutreachBot.Texts;

namespace OutreachBot.Handbook;

/// <summary>
/// Answers policy questions from the handbook, for the dialog router: <see cref="Answer"/> for a question,
/// <see cref="AnswerSection"/> when the villager picks a follow-up, <see cref="Render"/> for the reply text, and
/// <see cref="LooksLikePolicyQuestion"/> to tell, in the middle of a dialog, a policy question from an answer to a prompt.
/// </summary>
public sealed class PolicyAnswerer(HandbookIndex index, TextCatalog texts)
{
    /// <summary>The longest passage quoted, in characters: one chat message a villager reads on a phone.</summary>
    public const int MaxPassageLength = 300;

    /// <summary>A passage shorter than this is joined by the next one of its section, when both fit.</summary>
    private const int ShortPassage = 60;

    /// <summary>Follow-ups are sections scoring at least this share of the best one's score.</summary>
    private const double RelatedShare = 0.25;

    /// <summary>In the middle of a dialog a message is taken for a policy question only with at least this confidence.</summary>
    public const double MidDialogConfidence = 0.45;

    public HandbookIndex Index => index;

    public PolicyAnswer Answer(string question)
    {
        var result = index.Search(question);
        if (result.Declined || result.Ranked.Count == 0)
        {
            return PolicyAnswer.Declined(question, result.Confidence);
        }

        var best = result.Ranked[0];
        var passage = Passage(best.Section, index.BestPassage(best.Section, result.Query));
        var followUps = result.Ranked.Skip(1)
            .Where(r => r.Score >= RelatedShare * best.Score)
            .Select(r => r.Section)
            .Concat(Neighbours(best.Section))
            .Where(s => s.Id != best.Section.Id)
            .Select(s => s.Title)
            .Distinct()
            .Take(2)
            .ToArray();
        return new PolicyAnswer(question, true, best.Section.Title, passage, followUps, result.Confidence);
    }

    /// <summary>The opening of a section the villager chose by title (a follow-up); declined when no section has that title.</summary>
    public PolicyAnswer AnswerSection(string title)
    {
        var section = index.Find(title);
        if (section is null)
        {
            return PolicyAnswer.Declined(title, 0);
        }

        var followUps = Neighbours(section).Select(s => s.Title).Take(2).ToArray();
        return new PolicyAnswer(title, true, section.Title, Passage(section, 0), followUps, 1);
    }

    /// <summary>The reply text: title and passage with the numbered follow-ups, or the plain decline with its offer.</summary>
    public string Render(PolicyAnswer answer) =>
        !answer.Found ? texts[HandbookTexts.Declined]
        : Offer(answer) is { } offer ? Body(answer) + "\n\n" + offer
        : Body(answer);

    /// <summary>The title and passage of an answer.</summary>
    public string Body(PolicyAnswer answer) => texts.Format(HandbookTexts.Answer, ("title", answer.Title), ("passage", answer.Passage));

    /// <summary>The numbered "想了解更多" follow-ups of an answer; null when it has none.</summary>
    public string? Offer(PolicyAnswer answer) => answer.FollowUps.Count switch
    {
        0 => null,
        1 => texts.Format(HandbookTexts.MoreOne, ("first", answer.FollowUps[0])),
        _ => texts.Format(HandbookTexts.MoreTwo, ("first", answer.FollowUps[0]), ("second", answer.FollowUps[1])),
    };

    /// <summary>
    /// From 0 to 1, how much a message reads as a question the handbook answers: 0 for a message too short to be
    /// one ("是", "2", a phone number, a date) or one the handbook cannot answer.
    /// </summary>
    public double PolicyQuestionScore(string text)
    {
        var result = index.Search(text);
        return result.Declined || ContentSize(result.Query) < 2 ? 0 : result.Confidence;
    }

    /// <summary>
    /// Whether a message sent in the middle of a dialog is a policy question worth interrupting for: it is worded as
    /// a question (怎么, 吗, 多少, a question mark…) and the handbook answers it with confidence. Plain answers to a
    /// prompt ("是", "2", "张三", "13800001111", "明天上午", "低保") are not.
    /// </summary>
    public bool LooksLikePolicyQuestion(string text)
    {
        var result = index.Search(text);
        return result.Query.Asks && !result.Declined && ContentSize(result.Query) >= 2 && result.Confidence >= MidDialogConfidence;
    }

    private static int ContentSize(HandbookQuery query) => query.HanUnits + query.Units.Count(u => u.Text.Length > 1 && u.Weight > 1);

    private IEnumerable<HandbookSection> Neighbours(HandbookSection section) =>
        index.Sections.Where(s => s.Chapter == section.Chapter && s.Source == section.Source && s.Id != section.Id)
            .OrderBy(s => Math.Abs(s.Id - section.Id)).ThenBy(s => s.Id);

    private static string Passage(HandbookSection section, int first)
    {
        if (section.Passages.Count == 0)
        {
            return section.Title;
        }

        var text = section.Passages[first];
        for (var next = first + 1; text.Length < ShortPassage && next < section.Passages.Count && text.Length + 1 + section.Passages[next].Length <= MaxPassageLength; next++)
        {
            text += "\n" + section.Passages[next];
        }

        return Shorten(text);
    }

    /// <summary>Cuts a long passage after its last full sentence that fits, marking the cut with an ellipsis.</summary>
    private static string Shorten(string text)
    {
        if (text.Length <= MaxPassageLength)
        {
            return text;
        }

        var cut = text.LastIndexOfAny(['。', '；', '！', '？'], MaxPassageLength - 2);
        return cut > MaxPassageLength / 3 ? text[..(cut + 1)] + "……" : text[..(MaxPassageLength - 1)] + "…";
    }
}
