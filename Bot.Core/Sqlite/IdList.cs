using System.Collections.Concurrent;
using System.Globalization;

namespace Bot.Core.Sqlite;

/// <summary>A statement that takes a list of ids, one parameter per id (<c>@i0</c>, <c>@i1</c> ...). The ids are padded
/// (the last repeated) up to the next power of two, so lists of any length run as one of a few statement texts, each
/// prepared once per kept connection, not one text per length.</summary>
/// <param name="text">The statement, with <c>{0}</c> wherever the list goes (it may appear more than once).</param>
/// <param name="more">The statement's other parameters, whose values follow the ids'.</param>
internal sealed class IdList(string text, params string[] more)
{
    private readonly ConcurrentDictionary<int, Statement> byLength = new();

    /// <summary>The statement for <paramref name="ids"/> and the values to run it with: the ids, the last repeated up to
    /// the next power of two (none is the one id 0, which no row has), then <paramref name="values"/>.</summary>
    public (Statement Statement, object?[] Values) For(IReadOnlyList<long> ids, params object?[] values)
    {
        var count = ids.Count <= 1 ? 1 : (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)ids.Count);
        var all = new object?[count + values.Length];
        for (var i = 0; i < count; i++)
        {
            all[i] = ids.Count == 0 ? 0L : ids[Math.Min(i, ids.Count - 1)];
        }

        values.CopyTo(all, count);
        return (Of(count), all);
    }

    /// <summary>The statement for a list of <paramref name="count"/> ids.</summary>
    public Statement Of(int count) => byLength.GetOrAdd(count, Build);

    private Statement Build(int count)
    {
        var names = Enumerable.Range(0, count).Select(i => $"@i{i}").ToArray();
        return new Statement(string.Format(CultureInfo.InvariantCulture, text, string.Join(", ", names)), [.. names, .. more]);
    }
}
