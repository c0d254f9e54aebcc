namespace OutreachBot.Tests.Handbook;

/// <summary>A handbook that exists nowhere else, to show the search knows nothing of the demo handbook.</summary>
internal static class MadeUpHandbook
{
    public const string Markdown = """
        # 青石湾村务
        ## 修补渔船
        **谁能申请：**在青石湾登记的渔民，渔船被风浪打坏的。

        **补多少：**每条船补助两百元，修船的发票要留好。

        **去哪里申请：**带上渔船登记证，到村委会码头办公室申请。

        ## 养蚕技术
        **蚕房怎么管：**蚕房要保持干燥通风，桑叶要新鲜，不能带露水喂。

        **蚕生病了：**发现蚕发白、不吃桑叶，马上隔开，请农技员来看。

        ## 集市时间
        每逢农历初五、十五在码头赶集，卖鱼干、卖蚕茧都可以摆摊，摊位不收钱。

        ## 码头停船
        渔船晚上统一停在东码头，台风来之前要加固缆绳。
        """;
}
