namespace Bot.Core.Sqlite;

/// <summary>The names a statement's parameters are written with (<c>@id</c> for Dapper's <c>id</c>), learned once per
/// statement text. Microsoft.Data.Sqlite binds a name without its prefix by asking SQLite for the bare name and then for
/// each prefix in turn (<c>@</c>, <c>$</c>, <c>:</c>), converting every candidate to UTF-8 on the way; a name given as
/// written is found with the first question.</summary>
/// <remarks>Used by one connection user at a time, like the statement it belongs to.</remarks>
internal sealed class ParameterNames(string text)
{
    private static readonly char[] Prefixes = ['@', '$', ':'];

    private readonly Dictionary<string, string> written = new(StringComparer.Ordinal);

    /// <summary><paramref name="name"/> as the statement writes it, or unchanged when it already has a prefix, or when
    /// the text has it with no prefix or with more than one (the driver's own search then decides, as before).</summary>
    public string AsWritten(string name)
    {
        if (name.Length == 0 || Array.IndexOf(Prefixes, name[0]) >= 0)
        {
            return name;
        }

        if (!written.TryGetValue(name, out var found))
        {
            found = Find(name);
            written[name] = found;
        }

        return found;
    }

    private string Find(string name)
    {
        string? match = null;
        foreach (var prefix in Prefixes)
        {
            if (Occurs(prefix, name))
            {
                if (match is not null)
                {
                    return name;
                }

                match = prefix + name;
            }
        }

        return match ?? name;
    }

    /// <summary>Whether the text holds <paramref name="prefix"/><paramref name="name"/> as a whole parameter (not the
    /// start of a longer one).</summary>
    private bool Occurs(char prefix, string name)
    {
        for (var at = text.IndexOf(prefix); at >= 0; at = text.IndexOf(prefix, at + 1))
        {
            var end = at + 1 + name.Length;
            if (string.CompareOrdinal(text, at + 1, name, 0, name.Length) == 0 &&
                (end == text.Length || !(char.IsLetterOrDigit(text[end]) || text[end] == '_')))
            {
                return true;
            }
        }

        return false;
    }
}
