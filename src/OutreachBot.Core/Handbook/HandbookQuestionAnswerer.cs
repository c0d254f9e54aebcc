using OutreachBot.Dialogs;
using OutreachBot.Text;
using OutreachBot.Texts;

namespace OutreachBot.Handbook;

/// <summary>
/// The handbook as the router's fallback. A question it cannot answer is declined with an offer to pass it to the
/// village's cadres as a 民生诉求 entry (the raise-problem dialog, with the question as the description).
/// </summary>
public sealed class HandbookQuestionAnswerer(PolicyAnswerer policy, TextCatalog texts) : IQuestionAnswerer
{
    public const string RaiseDialog = "raise-problem";

    /// <summary>Fewer characters than this, not worded as a question, is chatter rather than a question to decline.</summary>
    private const int MinimumQuestion = 5;

    /// <summary>
    /// How sure the handbook must be to answer chatter. A policy word alone scores about 0.9 ("低保" 0.94, "危房" 0.93);
    /// a rare bigram shared by chance scores up to about 0.75 ("慢慢来" matches "慢慢还" at 0.74).
    /// </summary>
    private const double ChatterConfidence = 0.8;

    public PolicyReply? Answer(string text)
    {
        var answer = policy.Answer(text);
        var chatter = ChineseText.Bare(text).Length < MinimumQuestion && !policy.Index.Search(text).Query.Asks;

        // A few words that are not a question ("慢慢办") are answered only when the handbook is sure ("低保", "危房").
        if (answer.Found && (!chatter || answer.Confidence >= ChatterConfidence))
        {
            return Reply(answer);
        }

        if (chatter)
        {
            return null;
        }

        var passOn = new PolicyFollowUp(DialogId: RaiseDialog, Slots: new Dictionary<string, string> { ["description"] = text.Trim(), ["kind"] = "其他" });
        return new PolicyReply(false, texts[HandbookTexts.Declined], null, [passOn, new PolicyFollowUp()]);
    }

    public PolicyReply? Section(string title)
    {
        var answer = policy.AnswerSection(title);
        return answer.Found ? Reply(answer) : null;
    }

    public bool IsPolicyQuestion(string text) => policy.LooksLikePolicyQuestion(text);

    private PolicyReply Reply(PolicyAnswer answer) =>
        new(true, policy.Body(answer), policy.Offer(answer), [.. answer.FollowUps.Select(t => new PolicyFollowUp(Section: t))]);
}
