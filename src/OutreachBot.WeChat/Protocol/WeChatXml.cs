using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace OutreachBot.WeChat.Protocol;

/// <summary>
/// Reads and writes the protocol's small <c>&lt;xml&gt;</c> documents. DTDs are prohibited and nothing is resolved,
/// so an entity declaration (XXE, "billion laughs") fails the parse instead of reading files or memory.
/// The same reader parses the outer envelope and the decrypted inner message.
/// </summary>
public static class WeChatXml
{
    /// <summary>Reads the children of the root element into a flat map; nested fields (ScanCodeInfo/ScanType) are
    /// keyed by their path. Throws <see cref="WeChatProtocolException"/> on anything that is not such a document.</summary>
    public static IReadOnlyDictionary<string, string> ReadFields(string xml, int maxCharacters)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = maxCharacters,
            MaxCharactersFromEntities = 0,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw new WeChatProtocolException(ProtocolFault.Malformed, $"The body is not well-formed XML without a DTD (line {e.LineNumber}).");
        }

        if (document.Root is not { Name.LocalName: "xml" } root)
        {
            throw new WeChatProtocolException(ProtocolFault.Malformed, "The body is not an <xml> document.");
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        Flatten(root, "", fields);
        return fields;
    }

    private static void Flatten(XElement parent, string prefix, Dictionary<string, string> fields)
    {
        foreach (var element in parent.Elements())
        {
            var name = prefix + element.Name.LocalName;
            if (element.HasElements)
            {
                Flatten(element, name + "/", fields);
            }
            else
            {
                fields.TryAdd(name, element.Value);
            }
        }
    }

    /// <summary>A passive text reply: to the user's OpenID, from our account's original id.</summary>
    public static string TextReply(string toOpenId, string fromAccount, long createTime, string content) =>
        Write(w =>
        {
            Cdata(w, "ToUserName", toOpenId);
            Cdata(w, "FromUserName", fromAccount);
            w.WriteElementString("CreateTime", createTime.ToString(CultureInfo.InvariantCulture));
            Cdata(w, "MsgType", "text");
            Cdata(w, "Content", content);
        });

    /// <summary>The safe-mode envelope of a passive reply.</summary>
    public static string EncryptedReply(string encrypt, string msgSignature, string timestamp, string nonce) =>
        Write(w =>
        {
            Cdata(w, "Encrypt", encrypt);
            Cdata(w, "MsgSignature", msgSignature);
            w.WriteElementString("TimeStamp", timestamp);
            Cdata(w, "Nonce", nonce);
        });

    /// <summary>Builds a request document as WeChat sends it (for the simulator and tests).</summary>
    public static string Message(IEnumerable<KeyValuePair<string, string>> fields) =>
        Write(w =>
        {
            foreach (var (name, value) in fields)
            {
                if (name is "CreateTime" or "MsgId" or "TimeStamp")
                {
                    w.WriteElementString(name, value);
                }
                else
                {
                    Cdata(w, name, value);
                }
            }
        });

    private static string Write(Action<XmlWriter> body)
    {
        var output = new StringBuilder();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { OmitXmlDeclaration = true, Indent = false }))
        {
            writer.WriteStartElement("xml");
            body(writer);
            writer.WriteEndElement();
        }

        return output.ToString();
    }

    /// <summary>CDATA as the official samples write it; a "]]&gt;" inside the text is split across two sections.</summary>
    private static void Cdata(XmlWriter writer, string name, string value)
    {
        writer.WriteStartElement(name);
        var parts = value.Split("]]>");
        for (var i = 0; i < parts.Length; i++)
        {
            var part = i < parts.Length - 1 ? parts[i] + "]]" : parts[i];
            var next = i > 0 ? ">" + part : part;
            writer.WriteCData(next);
        }

        writer.WriteEndElement();
    }
}
