using System.Globalization;
using System.Net;
using Bot.Core.Formatting;
using Bot.Core.Workflow;

namespace Bot.Operations;

/// <summary>The status page's "Answers" table: first-response percentiles of the last seven days and who waits now.</summary>
internal sealed class FirstResponseSection(FirstResponseReport report)
{
    public async Task<string> RenderAsync(CancellationToken cancellationToken)
    {
        var s = await report.ReadAsync(cancellationToken);
        return string.Create(CultureInfo.InvariantCulture, $"""
            <h2>Answers</h2><table>
            <tr><td>Buyers answered (last {s.Period.TotalDays:0} days)</td><td>{s.Answered}</td></tr>
            <tr><td>First response, median / 90th percentile</td><td>{E(Of(s.Median))} / {E(Of(s.P90))}</td></tr>
            <tr><td>Buyers waiting now</td><td>{s.WaitingNow}</td></tr>
            <tr><td>Longest wait now</td><td>{E(Of(s.LongestWaitNow))}</td></tr>
            </table>

            """);
    }

    private static string Of(TimeSpan? span) => span is { } value ? Durations.Format(value) : "none";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
