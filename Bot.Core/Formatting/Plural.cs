using System.Globalization;

namespace Bot.Core.Formatting;

/// <summary>A count with its noun in the right number ("1 delivery", "3 deliveries"), never "delivery(ies)".</summary>
public static class Plural
{
    public static string Of(long count, string one, string many) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? one : many)}");
}
