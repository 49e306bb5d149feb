using System.Security.Cryptography;

namespace Bot.Benchmarks.Infrastructure;

/// <summary>What the idle scenarios compare to tell whether the database was written.</summary>
internal static class DatabaseFiles
{
    /// <summary>Length and SHA-256 of the SQLite file and its write-ahead log ("none" for a file that does not exist).</summary>
    public static string Snapshot(string database) => string.Join(" ", new[] { database, database + "-wal" }.Select(path =>
    {
        if (!File.Exists(path))
        {
            return "none";
        }

        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return $"{file.Length}:{Convert.ToHexString(SHA256.HashData(file))}";
    }));
}
