using Bot.Core.Chat;
using Bot.Core.Export;
using Bot.Core.Formatting;

namespace Bot.Core.Operations.Commands;

/// <summary>/export &lt;order or chat id&gt; in the operator chat: the conversation's transcript (HTML, and PDF where the host
/// renders one) posted here, for a seller who must upload evidence to a dispute.</summary>
public sealed class ExportCommand(TranscriptReader reader, TranscriptExport export) : IOperatorCommand
{
    public string Name => "export";

    public string Help => "/export &lt;order or chat id&gt;: the conversation's transcript as HTML and PDF";

    public async Task<string> RunAsync(IncomingChatMessage message, string arguments, CancellationToken cancellationToken)
    {
        var id = arguments.Trim().TrimStart('#');
        if (id.Length == 0)
        {
            return "Usage: /export &lt;order or chat id&gt;, e.g. /export 8123456789.";
        }

        if (await reader.ReadByExternalIdAsync(id, cancellationToken) is not { } transcript)
        {
            return $"No order or chat {Html.Escape(id)} is known to the bridge.";
        }

        await export.SendAsync(transcript, message.ChatId, message.IsTopicMessage ? message.TopicId : null, message.MessageId, cancellationToken);
        return $"📄 Transcript of {Html.Escape(transcript.Title)} posted above ({transcript.Entries.Count} messages).";
    }
}
