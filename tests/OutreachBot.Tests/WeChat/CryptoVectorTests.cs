using OutreachBot.WeChat.Protocol;

namespace OutreachBot.Tests.WeChat;

/// <summary>
/// The crypto against published vectors of the protocol, not against itself:
/// - Tencent's official message-encryption sample (WXBizMsgCrypt), Java test WXBizMsgCryptTest.testAesEncrypt and
///   testAesEncrypt2: fixed random "aaaabbbbccccdddd", key "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", app id
///   wxb11529c136998cb6. Tencent's download itself was not reachable here; the values were taken from public test
///   files that copy it verbatim (Java, Go, Haskell and Rust ports found by code search agree byte for byte).
/// - Tencent's official Python sample (Sample.py, "测试解密接口"): a compatible-mode text message with its
///   msg_signature, token "spamtest", app id wx2c2769f8efd9abc2, same key; again from verbatim public copies.
/// - wechatpy/wechatpy tests/test_crypto.py (WeCom, same WXBizMsgCrypt scheme): an encrypted passive-reply envelope
///   with fixed random "1234567890123456", and a decryption with its msg_signature.
/// - wechatpy/wechatpy tests/test_utils.py and the GreedIsGood capture quoted in shared/reference/wechat-protocol.md §2:
///   the 3-part URL-verification signature.
/// </summary>
public sealed class CryptoVectorTests
{
    private const string OfficialKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    [Theory]
    [InlineData("test", "1410685589", "test", "f21891de399b4e33a1a93c9a7b8a8fffb5a443ff")]
    [InlineData("GreedIsGood", "1668869433", "977789310", "37cc4891f809493628677ae2b592e63c938c0b03")]
    public void The_url_signature_matches_published_values(string token, string timestamp, string nonce, string signature)
    {
        Assert.Equal(signature, WeChatSignature.Compute(token, timestamp, nonce));
        Assert.True(WeChatSignature.Matches(signature, token, timestamp, nonce));
        Assert.True(WeChatSignature.Matches(signature.ToUpperInvariant(), token, timestamp, nonce));
        Assert.False(WeChatSignature.Matches(signature[..^1] + (signature[^1] == '0' ? '1' : '0'), token, timestamp, nonce));
        Assert.False(WeChatSignature.Matches("", token, timestamp, nonce));
    }

    [Fact]
    public void The_official_java_sample_encrypts_chinese_text_to_its_published_ciphertext()
    {
        var crypto = new WeChatCrypto(OfficialKey, "wxb11529c136998cb6");

        var encrypted = crypto.Encrypt("我是中文abcd123", "aaaabbbbccccdddd"u8);

        Assert.Equal("jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==", encrypted);
        Assert.Equal("我是中文abcd123", crypto.Decrypt(encrypted));
    }

    [Fact]
    public void The_official_java_sample_encrypts_a_video_reply_to_its_published_ciphertext()
    {
        const string reply = "<xml><ToUserName><![CDATA[oia2Tj我是中文jewbmiOUlr6X-1crbLOvLw]]></ToUserName><FromUserName><![CDATA[gh_7f083739789a]]></FromUserName><CreateTime>1407743423</CreateTime><MsgType><![CDATA[video]]></MsgType><Video><MediaId><![CDATA[eYJ1MbwPRJtOvIEabaxHs7TX2D-HV71s79GUxqdUkjm6Gs2Ed1KF3ulAOA9H1xG0]]></MediaId><Title><![CDATA[testCallBackReplyVideo]]></Title><Description><![CDATA[testCallBackReplyVideo]]></Description></Video></xml>";
        const string expected = "jn1L23DB+6ELqJ+6bruv23M2GmYfkv0xBh2h+XTBOKVKcgDFHle6gqcZ1cZrk3e1qjPQ1F4RsLWzQRG9udbKWesxlkupqcEcW7ZQweImX9+wLMa0GaUzpkycA8+IamDBxn5loLgZpnS7fVAbExOkK5DYHBmv5tptA9tklE/fTIILHR8HLXa5nQvFb3tYPKAlHF3rtTeayNf0QuM+UW/wM9enGIDIJHF7CLHiDNAYxr+r+OrJCmPQyTy8cVWlu9iSvOHPT/77bZqJucQHQ04sq7KZI27OcqpQNSto2OdHCoTccjggX5Z9Mma0nMJBU+jLKJ38YB1fBIz+vBzsYjrTmFQ44YfeEuZ+xRTQwr92vhA9OxchWVINGC50qE/6lmkwWTwGX9wtQpsJKhP+oS7rvTY8+VdzETdfakjkwQ5/Xka042OlUb1/slTwo4RscuQ+RdxSGvDahxAJ6+EAjLt9d8igHngxIbf6YyqqROxuxqIeIch3CssH/LqRs+iAcILvApYZckqmA7FNERspKA5f8GoJ9sv8xmGvZ9Yrf57cExWtnX8aCMMaBropU/1k+hKP5LVdzbWCG0hGwx/dQudYR/eXp3P0XxjlFiy+9DMlaFExWUZQDajPkdPrEeOwofJb";
        var crypto = new WeChatCrypto(OfficialKey, "wxb11529c136998cb6");

        Assert.Equal(expected, crypto.Encrypt(reply, "aaaabbbbccccdddd"u8));
        Assert.Equal(reply, crypto.Decrypt(expected));
    }

    [Fact]
    public void The_official_python_sample_decrypts_byte_for_byte_after_its_msg_signature_checks()
    {
        const string encrypt = "hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE=";
        const string expected = "<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName>\n<FromUserName><![CDATA[oyORnuP8q7ou2gfYjqLzSIWZf0rs]]></FromUserName>\n<CreateTime>1409735668</CreateTime>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[abcdteT]]></Content>\n<MsgId>6054768590064713728</MsgId>\n</xml>";

        Assert.True(WeChatSignature.Matches("5d197aaffba7e9b25a30732f161a50dee96bd5fa", "spamtest", "1409735669", "1320562132", encrypt));
        Assert.Equal(expected, new WeChatCrypto(OfficialKey, "wx2c2769f8efd9abc2").Decrypt(encrypt));
        var fields = WeChatXml.ReadFields(expected, 10_000);
        Assert.Equal("abcdteT", fields["Content"]);
        Assert.Equal("6054768590064713728", fields["MsgId"]);
    }

    [Fact]
    public void The_wechatpy_vector_gives_the_published_encrypted_reply_envelope()
    {
        const string reply = "<xml>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[test]]></Content>\n<FromUserName><![CDATA[wx49f0ab532d5d035a]]></FromUserName>\n<ToUserName><![CDATA[messense]]></ToUserName>\n<AgentID>1</AgentID>\n<CreateTime>1411525903</CreateTime>\n</xml>";
        var crypto = new WeChatCrypto("kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR", "wx49f0ab532d5d035a");

        var encrypt = crypto.Encrypt(reply, "1234567890123456"u8);
        var signature = WeChatSignature.Compute("123456", "1411525903", "461056294", encrypt);

        Assert.Equal("9s4gMv99m88kKTh/H8IdkOiMg6bisoy3ypwy9H4hvSPe9nsGaqyw5hhSjdYbcrKk+j3nba4HMOTzHrluLBYqxgNcBqGsL8GqxlhZgURnAtObvesEl5nZ+uBE8bviY0LWke8Zy9V/QYKxNV2FqllNXcfmstttyIkMKCCmVbCFM2JTF5wY0nFhHZSjPUL2Q1qvSUCUld+/WIXrx0oyKQmpB6o8NRrrNrsDf03oxI1p9FxUgMnwKKZeOA/uu+2IEvEBtb7muXsVbwbgX05UPPJvFurDXafG0RQyPR+mf1nDnAtQmmNOuiR5MIkdQ39xn1vWwi1O5oazPoQJz0nTYjxxEE8kv3kFxtAGVRe3ypD3WeK2XeFYFMNMpatF9XiKzHo3", encrypt);
        Assert.Equal("407518b7649e86ef23978113f92d27afa9296533", signature);
    }

    [Fact]
    public void The_wechatpy_vector_decrypts_after_its_msg_signature_checks()
    {
        const string encrypt = "RgqEoJj5A4EMYlLvWO1F86ioRjZfaex/gePD0gOXTxpsq5Yj4GNglrBb8I2BAJVODGajiFnXBu7mCPatfjsu6IHCrsTyeDXzF6Bv283dGymzxh6ydJRvZsryDyZbLTE7rhnus50qGPMfp2wASFlzEgMW9z1ef/RD8XzaFYgm7iTdaXpXaG4+BiYyolBug/gYNx410cvkKR2/nPwBiT+P4hIiOAQqGp/TywZBtDh1yCF2KOd0gpiMZ5jSw3e29mTvmUHzkVQiMS6td7vXUaWOMZnYZlF3So2SjHnwh4jYFxdgpkHHqIrH/54SNdshoQgWYEvccTKe7FS709/5t6NMxuGhcUGAPOQipvWTT4dShyqio7mlsl5noTrb++x6En749zCpQVhDpbV6GDnTbcX2e8K9QaNWHp91eBdCRxthuL0=";

        Assert.True(WeChatSignature.Matches("74d92dfeb87ba7c714f89d98870ae5eb62dff26d", "123456", "1411525903", "461056294", encrypt));
        var fields = WeChatXml.ReadFields(new WeChatCrypto("kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR", "wx49f0ab532d5d035a").Decrypt(encrypt), 10_000);
        Assert.Equal("test", fields["Content"]);
        Assert.Equal("messense", fields["FromUserName"]);
    }

    [Fact]
    public void A_payload_for_another_app_id_is_refused_as_not_from_wechat()
    {
        var theirs = new WeChatCrypto(OfficialKey, "wxb11529c136998cb6").Encrypt("<xml/>");

        var fault = Assert.Throws<WeChatProtocolException>(() => new WeChatCrypto(OfficialKey, "wx0000000000000000").Decrypt(theirs));

        Assert.Equal(ProtocolFault.NotFromWeChat, fault.Fault);
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("YWJj")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA==")]
    [InlineData("")]
    public void Garbage_in_encrypt_is_malformed_not_a_crash(string encrypt)
    {
        var fault = Assert.Throws<WeChatProtocolException>(() => new WeChatCrypto(OfficialKey, "wxb11529c136998cb6").Decrypt(encrypt));

        Assert.Equal(ProtocolFault.Malformed, fault.Fault);
    }

    [Fact]
    public void A_ciphertext_under_another_key_fails_on_its_padding_or_app_id()
    {
        var other = new WeChatCrypto("jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C", "wxb11529c136998cb6").Encrypt("<xml><Content>你好</Content></xml>");

        Assert.Throws<WeChatProtocolException>(() => new WeChatCrypto(OfficialKey, "wxb11529c136998cb6").Decrypt(other));
    }

    [Theory]
    [InlineData(0, 26)]
    [InlineData(1, 25)]
    [InlineData(11, 15)]
    [InlineData(25, 1)]
    [InlineData(26, 32)]
    public void Pad_values_above_16_and_a_whole_block_of_32_round_trip(int extra, int pad)
    {
        // 16 random + 4 length + 18 app id = 38 bytes of overhead; the message length decides the pad value.
        var crypto = new WeChatCrypto(OfficialKey, "wxb11529c136998cb6");
        var message = new string('a', extra);

        var encrypted = crypto.Encrypt(message);

        Assert.Equal(38 + extra + pad, Convert.FromBase64String(encrypted).Length);
        Assert.Equal(message, crypto.Decrypt(encrypted));
    }

    [Theory]
    [InlineData("short")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEF=")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH")]
    public void A_bad_encoding_aes_key_is_refused(string key) =>
        Assert.Throws<ArgumentException>(() => new WeChatCrypto(key, "wx1"));

    [Fact]
    public void Signatures_sort_ordinally_not_by_culture()
    {
        // Culture-aware sorting puts "qd" before "Zx"; WeChat (byte order) puts "Zx" first.
        Assert.Equal(WeChatSignature.Compute("Zx", "qd"), WeChatSignature.Compute("qd", "Zx"));
        Assert.Equal("ee9611bee05a0ab93fcd868066b78b23cc4f69e8", WeChatSignature.Compute("qd", "Zx")); // sha1("Zxqd"), not sha1("qdZx")
    }
}
