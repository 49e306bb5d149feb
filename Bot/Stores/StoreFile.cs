using System.Security.Cryptography;

namespace Bot.Stores;

/// <summary>One store's settings file as read: its store id (the file's name without <c>.json</c>), its path and its
/// content, compared by hash to tell a changed file from an untouched one.</summary>
public sealed record StoreFile(string StoreId, string Path, byte[] Content)
{
    public string Hash { get; } = Convert.ToHexString(SHA256.HashData(Content));

    public string Name => System.IO.Path.GetFileName(Path);
}
