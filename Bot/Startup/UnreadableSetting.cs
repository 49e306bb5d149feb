using System.Text.RegularExpressions;

namespace Bot.Startup;

/// <summary>A setting whose text the configuration binder could not convert to the type it binds to.</summary>
internal sealed partial record UnreadableSetting(string Path, string TypeName)
{
    /// <summary>The setting as an environment variable, the way the README names it.</summary>
    public string Key => Path.Replace(":", "__", StringComparison.Ordinal);

    public string Sentence => TypeName switch
    {
        "System.TimeSpan" => $"{Key} is not a duration: write it as [d.]hh:mm:ss, for example 00:00:15 for 15 seconds or 1.00:00:00 for a day.",
        "System.Int64" or "System.Int32" or "System.Int16" or "System.Byte" or "System.UInt64" or "System.UInt32"
            => $"{Key} is not a whole number: write digits only (with a leading minus sign where a negative id is meant).",
        "System.Double" or "System.Single" or "System.Decimal" => $"{Key} is not a number: write it with a dot for decimals, for example 0.5.",
        "System.Boolean" => $"{Key} must be true or false.",
        _ when EnumNames(TypeName) is { } names => $"{Key} must be one of {names}.",
        _ => $"{Key} cannot be read as {TypeName}: see the configuration table in the README.",
    };

    /// <summary>The binder's conversion failure ("Failed to convert configuration value '…' at 'Telegram:StaffChatId'
    /// to type 'System.Int64'."), or null for any other error.</summary>
    public static UnreadableSetting? From(Exception error)
    {
        var match = BinderFailure().Match(error.Message);
        return match.Success ? new UnreadableSetting(match.Groups["path"].Value, match.Groups["type"].Value) : null;
    }

    private static string? EnumNames(string typeName)
    {
        var type = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(typeName)).FirstOrDefault(t => t is not null);
        return type is { IsEnum: true } ? string.Join(", ", Enum.GetNames(type)) : null;
    }

    [GeneratedRegex(@"^Failed to convert configuration value '.*' at '(?<path>[^']+)' to type '(?<type>[^']+)'\.?$", RegexOptions.Singleline)]
    private static partial Regex BinderFailure();
}
