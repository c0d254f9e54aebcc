using System.Text;
using OutreachBot.Text;

namespace OutreachBot.Handbook.Search;

/// <summary>
/// Folds the ways one question can be typed into one form: full-width letters and digits to half-width and other
/// compatibility forms (Unicode NFKC), lower case, Traditional characters to Simplified, Chinese numbers with
/// a unit to digits.
/// </summary>
public sealed class TextNormalizer(ChineseTables tables)
{
    public string Normalize(string text)
    {
        var folded = Utf16Text.WellFormed(text).Normalize(NormalizationForm.FormKC);
        var result = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            var lower = char.ToLowerInvariant(c);
            result.Append(tables.TraditionalToSimplified.TryGetValue(lower, out var simplified) ? simplified : lower);
        }

        return ChineseNumerals.ToDigits(result.ToString());
    }
}
