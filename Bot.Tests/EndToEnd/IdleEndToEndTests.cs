using System.Security.Cryptography;
using Bot.Testing;

namespace Bot.Tests.EndToEnd;

/// <summary>An idle bridge (polling the marketplace and Telegram, nothing new on either) leaves its database alone.</summary>
public sealed class IdleEndToEndTests : StaffGroupTests
{
    [Fact]
    public async Task IdlePolling_WritesNothingToTheDatabase()
    {
        Marketplace.AddBuyerMessage("90001", "Hello, is this in stock?");
        await Rig.TopicOfAsync("90001");
        // The buyer's message under its card, and with it every write the message caused.
        await Eventually.TrueAsync(() => Telegram.SentTo(Staff).Any(m => m.VisibleText?.Contains("in stock", StringComparison.Ordinal) == true), Timeout);
        var settled = Marketplace.FetchCount;
        await Eventually.TrueAsync(() => Marketplace.FetchCount >= settled + 2, Timeout);
        var before = Snapshot();
        var polls = Marketplace.FetchCount;

        await Eventually.TrueAsync(() => Marketplace.FetchCount >= polls + 3, Timeout);

        Assert.Equal(before, Snapshot());
    }

    /// <summary>The database file and its write-ahead log (every committed write lands in the log first); the shared
    /// memory index is left out, readers touch it too.</summary>
    private string Snapshot() => string.Join(" ", new[] { Bridge.DatabasePath, Bridge.DatabasePath + "-wal" }.Select(Hash));

    private static string Hash(string path)
    {
        if (!File.Exists(path))
        {
            return "none";
        }

        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return $"{file.Length}:{Convert.ToHexString(SHA256.HashData(file))}";
    }
}
