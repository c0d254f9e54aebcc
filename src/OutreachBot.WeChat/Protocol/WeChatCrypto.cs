using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace OutreachBot.WeChat.Protocol;

/// <summary>
/// The WXBizMsgCrypt scheme of safe mode: AES-256-CBC keyed by the EncodingAESKey, IV = the key's first 16 bytes,
/// over random(16) ‖ uint32 big-endian length ‖ message (UTF-8) ‖ app id, padded PKCS#7-style to 32-byte blocks.
/// Pad values run up to 32, which .NET's PaddingMode.PKCS7 (16-byte blocks) rejects, so padding is added and
/// stripped here by hand.
/// </summary>
public sealed class WeChatCrypto
{
    private const int BlockSize = 32;
    private const int RandomLength = 16;
    private readonly byte[] _key;
    private readonly byte[] _iv;
    private readonly byte[] _appId;

    public WeChatCrypto(string encodingAesKey, string appId)
    {
        _key = DecodeKey(encodingAesKey);
        _iv = _key[..16];
        _appId = Encoding.ASCII.GetBytes(appId);
    }

    /// <summary>The 43-character key is base64 without its trailing "=".</summary>
    public static byte[] DecodeKey(string encodingAesKey)
    {
        if (encodingAesKey is not { Length: 43 } || !encodingAesKey.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException("WeChat:EncodingAESKey must be 43 letters and digits.", nameof(encodingAesKey));
        }

        var key = Convert.FromBase64String(encodingAesKey + "=");
        return key.Length == 32 ? key : throw new ArgumentException("WeChat:EncodingAESKey does not decode to 32 bytes.", nameof(encodingAesKey));
    }

    public string Encrypt(string message) => Encrypt(message, RandomNumberGenerator.GetBytes(RandomLength));

    /// <summary>With a fixed random prefix, for the known-answer vectors of the official samples.</summary>
    public string Encrypt(string message, ReadOnlySpan<byte> random)
    {
        if (random.Length != RandomLength)
        {
            throw new ArgumentException("The random prefix is 16 bytes.", nameof(random));
        }

        var body = Encoding.UTF8.GetBytes(message);
        var length = RandomLength + 4 + body.Length + _appId.Length;
        var pad = BlockSize - (length % BlockSize);
        var plain = new byte[length + pad];
        random.CopyTo(plain);
        BinaryPrimitives.WriteUInt32BigEndian(plain.AsSpan(RandomLength), (uint)body.Length);
        body.CopyTo(plain, RandomLength + 4);
        _appId.CopyTo(plain, RandomLength + 4 + body.Length);
        plain.AsSpan(length).Fill((byte)pad);

        using var aes = NewAes();
        return Convert.ToBase64String(aes.EncryptCbc(plain, _iv, PaddingMode.None));
    }

    /// <summary>Decrypts an Encrypt field and checks the app id inside it; every failure is a <see cref="WeChatProtocolException"/>.</summary>
    public string Decrypt(string encrypted)
    {
        byte[] cipher;
        try
        {
            cipher = Convert.FromBase64String(encrypted);
        }
        catch (FormatException)
        {
            throw new WeChatProtocolException(ProtocolFault.Malformed, "Encrypt is not base64.");
        }

        if (cipher.Length == 0 || cipher.Length % BlockSize != 0)
        {
            throw new WeChatProtocolException(ProtocolFault.Malformed, "Encrypt is not a whole number of 32-byte blocks.");
        }

        using var aes = NewAes();
        var plain = aes.DecryptCbc(cipher, _iv, PaddingMode.None);
        var unpadded = Unpad(plain);
        if (unpadded.Length < RandomLength + 4)
        {
            throw new WeChatProtocolException(ProtocolFault.Malformed, "The decrypted payload is too short.");
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(unpadded.AsSpan(RandomLength));
        if (length > unpadded.Length - RandomLength - 4)
        {
            throw new WeChatProtocolException(ProtocolFault.Malformed, "The decrypted payload's length field runs past its end.");
        }

        var messageEnd = RandomLength + 4 + (int)length;
        if (!CryptographicOperations.FixedTimeEquals(unpadded.AsSpan(messageEnd), _appId))
        {
            throw new WeChatProtocolException(ProtocolFault.NotFromWeChat, "The payload is addressed to another app id.");
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(unpadded, RandomLength + 4, (int)length);
        }
        catch (DecoderFallbackException)
        {
            throw new WeChatProtocolException(ProtocolFault.Malformed, "The decrypted message is not UTF-8.");
        }
    }

    /// <summary>Strips 1..32 bytes of padding, all equal to their count; anything else means a wrong key or a forged body.</summary>
    private static byte[] Unpad(byte[] plain)
    {
        var pad = plain[^1];
        if (pad is < 1 or > BlockSize || plain.AsSpan(plain.Length - pad).ContainsAnyExcept(pad))
        {
            throw new WeChatProtocolException(ProtocolFault.Malformed, "The decrypted payload has bad padding.");
        }

        return plain[..^pad];
    }

    private Aes NewAes()
    {
        var aes = Aes.Create();
        aes.Key = _key;
        return aes;
    }
}
