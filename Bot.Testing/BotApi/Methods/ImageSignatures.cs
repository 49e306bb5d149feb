namespace Bot.Testing.BotApi.Methods;

/// <summary>The image formats the fake accepts as a photo upload, told by their first bytes: JPEG, PNG, GIF, WebP, BMP.</summary>
internal static class ImageSignatures
{
    public static bool IsImage(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])
        || bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47])
        || bytes.StartsWith("GIF8"u8)
        || (bytes.StartsWith("RIFF"u8) && bytes.Length >= 12 && bytes[8..12].SequenceEqual("WEBP"u8))
        || bytes.StartsWith("BM"u8);
}
