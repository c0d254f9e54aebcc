using System.Globalization;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;
using OutreachBot.Text;

namespace OutreachBot.Dialogs.Prompts;

/// <summary>
/// A date or date and time in Chinese ("今天", "昨天下午", "上周五", "7月3号", "刚才") read against the user's local
/// time in Asia/Shanghai with Microsoft.Recognizers.Text. A date without a time is today's current time when it is
/// today, else noon. Ambiguous readings ("7月3号") take the past or the future one as the step prefers.
/// </summary>
public sealed class DatePrompt : IPrompt
{
    private static readonly Lazy<DateTimeModel> Model = new(() => new DateTimeRecognizer(Culture.Chinese).GetDateTimeModel());
    private static readonly TimeSpan Slack = TimeSpan.FromHours(1);

    public string Kind => "date";

    /// <summary>The recogniser compiles its patterns on first use (about a second); call this at start-up.</summary>
    public static void WarmUp() => Model.Value.Parse("昨天下午", DateTime.Now);

    public PromptResult Recognize(PromptInput input)
    {
        var past = input.Step.Prefer == "past";
        var when = input.Texts.WordList(PromptTexts.Now).Contains(ChineseText.Bare(input.Text)) ? input.Now : Read(input.Text, input.Now, past);
        if (when is null)
        {
            return PromptResult.Reject(input, input.Texts[PromptTexts.DateRetry]);
        }

        if (past && when > input.Now + Slack)
        {
            return new PromptResult.Rejected(input.Texts[PromptTexts.DateNotFuture]);
        }

        if (!past && when < input.Now - Slack)
        {
            return new PromptResult.Rejected(input.Texts[PromptTexts.DateNotPast]);
        }

        return new PromptResult.Accepted(when.Value.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture), Describe(when.Value));
    }

    public static string Describe(DateTimeOffset when) => when.ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture);

    public static DateTimeOffset? Read(string text, DateTimeOffset now, bool preferPast)
    {
        if (text.Length > PromptKinds.MaxRecognizedChars)
        {
            return null;
        }

        var local = now.DateTime;
        var candidates = new List<DateTime>();
        foreach (var result in Model.Value.Parse(text, local))
        {
            // The recogniser reads what it can: "上周八" as 上周, "13月45日" in part. Numbers left over mean the date
            // was not understood, and a wrong date saved quietly is worse than asking again.
            if (HasNumberOutside(text, result.Start, result.End))
            {
                return null;
            }

            if (result.Resolution.TryGetValue("values", out var raw) && raw is IEnumerable<Dictionary<string, string>> values)
            {
                candidates.AddRange(values.Select(v => Resolve(v, local)).OfType<DateTime>());
            }

            if (candidates.Count > 0)
            {
                break;
            }
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        var chosen = preferPast
            ? candidates.Where(c => c <= local.Add(Slack)).DefaultIfEmpty(candidates.Min()).Max()
            : candidates.Where(c => c >= local.Subtract(Slack)).DefaultIfEmpty(candidates.Max()).Min();
        return new DateTimeOffset(chosen, now.Offset);
    }

    private static bool HasNumberOutside(string text, int start, int end)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if ((i < start || i > end) && (char.IsDigit(text[i]) || "〇零一二三四五六七八九十".Contains(text[i], StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    private static DateTime? Resolve(Dictionary<string, string> value, DateTime now)
    {
        var type = value.GetValueOrDefault("type");
        var text = type switch
        {
            "date" or "datetime" => value.GetValueOrDefault("value"),
            "datetimerange" or "daterange" => value.GetValueOrDefault("start"),
            _ => null,
        };
        if (text is null || !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return null;
        }

        // "昨天下午" is 12:00–16:00: the middle of a part of a day says it better than its start.
        if (type == "datetimerange" && DateTime.TryParse(value.GetValueOrDefault("end"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var end)
            && end > parsed && end - parsed <= TimeSpan.FromHours(12))
        {
            return parsed + ((end - parsed) / 2);
        }

        if (type is "date" or "daterange")
        {
            return parsed.Date == now.Date ? now : parsed.Date.AddHours(12);
        }

        return parsed;
    }
}
