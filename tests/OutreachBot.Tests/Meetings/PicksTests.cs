using OutreachBot.Meetings.Chat;

namespace OutreachBot.Tests.Meetings;

/// <summary>Several entries picked from a numbered list, as typed on a phone, and what happens to each kind of bad input.</summary>
public sealed class PicksTests
{
    private static readonly string[] All = ["全部", "都讨论了"];

    [Theory]
    [InlineData("1 3 5", "1,3,5")]
    [InlineData("1、3、5", "1,3,5")]
    [InlineData("５，３，１", "1,3,5")]
    [InlineData("2-4", "2,3,4")]
    [InlineData("二到四", "2,3,4")]
    [InlineData("第一条和第三条", "1,3")]
    [InlineData("3 3 1", "1,3")]
    [InlineData("全部", "1,2,3,4,5,6")]
    [InlineData("都讨论了。", "1,2,3,4,5,6")]
    public void Numbers_ranges_and_all_are_read(string text, string expected)
    {
        var result = Picks.Parse(text, 6, All);

        Assert.True(result.Ok);
        Assert.Equal(expected, string.Join(',', result.Numbers));
    }

    [Theory]
    [InlineData("1 9 12", "9,12")]
    [InlineData("0", "0")]
    public void Numbers_not_on_the_list_are_named(string text, string outOfRange)
    {
        var result = Picks.Parse(text, 6, All);

        Assert.False(result.Ok);
        Assert.Equal(outOfRange, string.Join(',', result.OutOfRange));
    }

    [Theory]
    [InlineData("随便", "随便")]
    [InlineData("1 和 水管那条", "水管那条")]
    [InlineData("4-2", "4-2")]
    [InlineData("", "")]
    public void Words_that_are_not_numbers_are_quoted_back(string text, string notUnderstood)
    {
        var result = Picks.Parse(text, 6, All);

        Assert.False(result.Ok);
        Assert.Equal(notUnderstood, result.NotUnderstood);
    }
}
