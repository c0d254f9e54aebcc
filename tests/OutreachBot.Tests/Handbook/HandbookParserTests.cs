using OutreachBot.Handbook;
using OutreachBot.Tests.Support;

namespace OutreachBot.Tests.Handbook;

public sealed class HandbookParserTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Every_level_two_heading_opens_a_section_that_runs_to_the_next_heading()
    {
        var sections = HandbookParser.Parse("""
            # 第一章 渔业
            这段是章的引言，不属于任何一节。

            ## 修补渔船
            **谁能申请：**在青石湾登记的渔民。

            - 船坏了先报村里。
            - 修好后凭[发票](http://example.invalid)领钱。

            ### 注意
            不收任何费用。
            ## 集市时间 ##
            每逢初五赶集，
            十五也赶集。
            # 第二章
            ## 养蚕
            ```
            代码块里的 ## 不是标题
            ```
            """, "demo.md");

        Assert.Equal(["修补渔船", "集市时间", "养蚕"], sections.Select(s => s.Title));
        Assert.Equal(["第一章 渔业", "第一章 渔业", "第二章"], sections.Select(s => s.Chapter));
        Assert.Equal(["谁能申请：在青石湾登记的渔民。", "船坏了先报村里。", "修好后凭发票领钱。", "注意", "不收任何费用。"], sections[0].Passages);
        Assert.Equal(["每逢初五赶集，十五也赶集。"], sections[1].Passages);
        Assert.Equal(["代码块里的 ## 不是标题"], sections[2].Passages);
        Assert.Equal([0, 1, 2], sections.Select(s => s.Id));
    }

    [Fact]
    public void A_folder_is_read_file_by_file_in_name_order_and_a_file_without_sections_adds_none()
    {
        File.WriteAllText(_folder.File("b.md"), "## 第二节\n内容二");
        File.WriteAllText(_folder.File("a.md"), "## 第一节\n内容一");
        File.WriteAllText(_folder.File("README.md"), "# 说明\n没有二级标题。");
        File.WriteAllText(_folder.File("notes.txt"), "## 不是 Markdown 文件");

        var sections = HandbookLoader.Load(_folder.Path);

        Assert.Equal(["第一节", "第二节"], sections.Select(s => s.Title));
        Assert.Equal([0, 1], sections.Select(s => s.Id));
    }

    [Fact]
    public void A_missing_handbook_is_reported_with_its_path()
    {
        var missing = _folder.File("nowhere");

        var error = Assert.Throws<HandbookException>(() => HandbookLoader.Load(missing));

        Assert.Contains(missing, error.Message);
        Assert.Contains("does not exist", error.Message);
    }

    [Fact]
    public void A_handbook_without_level_two_headings_is_reported_as_having_no_sections()
    {
        File.WriteAllText(_folder.File("flat.md"), "# 只有一级标题\n一段话。\n### 三级标题\n又一段。");

        var error = Assert.Throws<HandbookException>(() => HandbookLoader.Load(_folder.Path));

        Assert.Contains("no sections", error.Message);
        Assert.Contains("## title", error.Message);
    }

    [Fact]
    public void Two_sections_with_one_title_are_reported_with_their_files()
    {
        File.WriteAllText(_folder.File("a.md"), "## 低保\n一");
        File.WriteAllText(_folder.File("b.md"), "## 低保\n二");

        var error = Assert.Throws<HandbookException>(() => HandbookLoader.Load(_folder.Path));

        Assert.Contains("two sections titled '低保'", error.Message);
        Assert.Contains("a.md and b.md", error.Message);
    }
}
