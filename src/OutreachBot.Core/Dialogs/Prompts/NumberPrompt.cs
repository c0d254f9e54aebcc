using System.Globalization;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.Number;

namespace OutreachBot.Dialogs.Prompts;

/// <summary>A whole number in Arabic or Chinese numerals ("5", "五口人", "三十五"), via Microsoft.Recognizers.Text.</summary>
public sealed class NumberPrompt : IPrompt
{
    private static readonly Lazy<IModel> Model = new(() => new NumberRecognizer(Culture.Chinese).GetNumberModel());

    public string Kind => "number";

    public PromptResult Recognize(PromptInput input)
    {
        var number = Read(input.Text);
        if (number is null)
        {
            return PromptResult.Reject(input, input.Texts[PromptTexts.NumberRetry]);
        }

        int min = input.Step.Min ?? int.MinValue, max = input.Step.Max ?? int.MaxValue;
        if (number < min || number > max)
        {
            return new PromptResult.Rejected(input.Texts.Format(PromptTexts.NumberRange, ("min", min), ("max", max)));
        }

        var text = number.Value.ToString(CultureInfo.InvariantCulture);
        return new PromptResult.Accepted(text, text);
    }

    public static long? Read(string text)
    {
        if (text.Length > PromptKinds.MaxRecognizedChars)
        {
            return null;
        }

        var results = Model.Value.Parse(text);
        if (results.Count != 1 || !results[0].Resolution.TryGetValue("value", out var raw))
        {
            return null;
        }

        return decimal.TryParse(raw?.ToString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
               && value == decimal.Truncate(value) && Math.Abs(value) < long.MaxValue
            ? (long)value
            : null;
    }
}
