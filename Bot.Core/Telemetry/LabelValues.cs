namespace Bot.Core.Telemetry;

/// <summary>Label values in the snake_case Prometheus expects.</summary>
public static class LabelValues
{
    /// <summary>"RateLimited" → "rate_limited".</summary>
    public static string SnakeCase(string name)
    {
        var text = new System.Text.StringBuilder(name.Length + 4);
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

    public static IReadOnlyList<string> Of<TEnum>()
        where TEnum : struct, Enum => [.. Enum.GetNames<TEnum>().Select(SnakeCase)];
}
