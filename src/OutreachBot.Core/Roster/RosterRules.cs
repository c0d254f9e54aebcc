using System.Text.RegularExpressions;

namespace OutreachBot.Roster;

/// <summary>Checks shared by the roster entities; each throws <see cref="RosterRuleException"/> with a Chinese message.</summary>
internal static partial class RosterRules
{
    public const int MaxIdLength = 40;
    public const int MaxNameLength = 60;

    public static string Id(string? value, string what)
    {
        var id = value?.Trim() ?? "";
        if (id.Length == 0)
        {
            throw new RosterRuleException($"缺少{what}编号。");
        }

        if (id.Length > MaxIdLength || id.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new RosterRuleException($"{what}编号“{id}”不能含空格，最长 {MaxIdLength} 个字符。");
        }

        return id;
    }

    public static string Name(string? value, string what)
    {
        var name = value?.Trim() ?? "";
        if (name.Length == 0)
        {
            throw new RosterRuleException($"缺少{what}。");
        }

        if (name.Length > MaxNameLength || name.Any(char.IsControl))
        {
            throw new RosterRuleException($"{what}“{name}”太长或含有不可见字符（最长 {MaxNameLength} 个字）。");
        }

        return name;
    }

    public static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>
    /// A mainland mobile number: 11 digits starting 13–19. Spaces, dashes and a +86 prefix are dropped, because
    /// that is how numbers are usually typed into spreadsheets.
    /// </summary>
    public static string? Phone(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var digits = value.Trim().Replace(" ", "").Replace("-", "");
        if (digits.StartsWith("+86", StringComparison.Ordinal))
        {
            digits = digits[3..];
        }

        if (!MobileNumber().IsMatch(digits))
        {
            throw new RosterRuleException($"电话“{value.Trim()}”不是有效的手机号（应为 11 位数字，以 13–19 开头）。");
        }

        return digits;
    }

    [GeneratedRegex("^1[3-9][0-9]{9}$")]
    private static partial Regex MobileNumber();
}
