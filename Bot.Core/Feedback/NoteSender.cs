using Bot.Core.Chat;
using Bot.Core.Formatting;
using Microsoft.Extensions.Logging;

namespace Bot.Core.Feedback;

/// <summary>Sends one of the bridge's own notes: split to Telegram's length limit (buttons under the last part), into
/// its topic, or into the chat's main thread when a person deleted that topic, since the note must still reach them.</summary>
public sealed partial class NoteSender(IChatGateway chat, ILogger<NoteSender> logger)
{
    public async Task SendAsync(ChatText note, CancellationToken cancellationToken)
    {
        var parts = HtmlSplitter.Split(note.Html, ChatLimits.MaxTextLength);
        for (var i = 0; i < parts.Count; i++)
        {
            var part = note with { Html = parts[i], Buttons = i == parts.Count - 1 ? note.Buttons : null };
            try
            {
                await chat.SendTextAsync(part, cancellationToken);
            }
            catch (ChatDeliveryException e) when (e.Kind == ChatErrorKind.TopicDeleted && note.TopicId is { } topic)
            {
                LogTopicGone(note.ChatId, topic);
                note = note with { TopicId = null };
                await chat.SendTextAsync(part with { TopicId = null }, cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Topic {TopicId} of chat {ChatId} is gone: the note goes to the chat's main thread")]
    private partial void LogTopicGone(long chatId, int topicId);
}
