using System.Data;
using System.Text;

namespace Bot.Core.Storage;

/// <summary>Stores an enum as the snake_case of its member's name (<c>Pending</c> is "pending", <c>NoTopic</c> would be
/// "no_topic"): the text these columns have always held. A stored value that names no member is an error, never a
/// default. Repositories convert explicitly: Dapper (2.1) passes an enum parameter as its number and never calls a
/// type handler registered for an enum type (DapperLib/Dapper#259), so a handler could not do this.</summary>
public static class StoredEnum
{
    /// <summary>The stored text of <paramref name="value"/>.</summary>
    public static string Name<T>(T value)
        where T : struct, Enum =>
        Map<T>.Names.TryGetValue(value, out var name) ? name : throw new ArgumentOutOfRangeException(nameof(value), value, $"{typeof(T).Name} has no member {value}.");

    /// <summary>The member a stored text names; a <see cref="DataException"/> naming the text when it names none.</summary>
    public static T Parse<T>(object? stored)
        where T : struct, Enum =>
        stored is string text && Map<T>.Values.TryGetValue(text, out var value)
            ? value
            : throw new DataException($"The database holds '{stored}' where a {typeof(T).Name} is expected (one of: {string.Join(", ", Map<T>.Values.Keys)}).");

    private static string SnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }

    private static class Map<T>
        where T : struct, Enum
    {
        public static readonly Dictionary<T, string> Names = Enum.GetValues<T>().ToDictionary(v => v, v => SnakeCase(v.ToString()));
        public static readonly Dictionary<string, T> Values = Names.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
    }
}
