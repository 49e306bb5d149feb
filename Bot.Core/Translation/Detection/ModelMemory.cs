using Lingua;

namespace Bot.Core.Translation.Detection;

/// <summary>A script's models are read on the first text in that script, decompressing and parsing JSON: several
/// times the models' size in short-lived garbage. The collector frees it but keeps the pages committed (resident), so
/// after the first text of each script, and after the complete models are dropped, an aggressive collection runs
/// once on the thread pool and gives them back to the system. A handful per process lifetime.</summary>
/// <remarks>Process-wide, like Lingua's model cache.</remarks>
internal static class ModelMemory
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<UnicodeScript> Seen = [];

    public static void AfterDetecting(string words)
    {
        var fresh = false;
        lock (Gate)
        {
            foreach (var c in words)
            {
                fresh |= char.IsLetter(c) && Seen.Add(UnicodeScriptInfo.GetScript(c));
            }
        }

        if (fresh)
        {
            _ = Task.Run(GiveBack);
        }
    }

    public static void GiveBack() => Runtime.MemoryGiveBack.Now();
}
