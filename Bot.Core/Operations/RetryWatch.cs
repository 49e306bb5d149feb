using System.Collections.Concurrent;
using System.Text;
using Bot.Core.Chat;
using Bot.Core.Formatting;
using Bot.Core.Logging;
using Bot.Core.Outbox;
using Microsoft.Extensions.Logging;

namespace Bot.Core.Operations;

/// <summary>Follows the deliveries an operator put back with /retry: one that is given up again is reported as a reply
/// to that /retry, so the operator who retried learns it did not help. Kept in memory (a restart forgets the
/// watch; the dead letter alert still shows the delivery).</summary>
public sealed partial class RetryWatch(IDeadLetterRepository deadLetters, IChatGateway chat, ILogger<RetryWatch> logger)
{
    private readonly ConcurrentDictionary<long, IncomingChatMessage> watched = new();

    /// <summary>Watches <paramref name="ids"/>, just requeued by the command <paramref name="command"/>.</summary>
    public void Watch(IEnumerable<long> ids, IncomingChatMessage command)
    {
        foreach (var id in ids)
        {
            watched[id] = command;
        }
    }

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        if (watched.IsEmpty)
        {
            return;
        }

        var ids = watched.Keys.ToList();
        var rows = await deadLetters.StatusesAsync(ids, cancellationToken);

        foreach (var settled in ids.Where(id => rows.All(r => r.Id != id) || rows.Any(r => r.Id == id && r.Status == OutboxStatus.Done)))
        {
            watched.TryRemove(settled, out _);
        }

        var failed = rows.Where(r => r.Status == OutboxStatus.Dead && watched.ContainsKey(r.Id)).ToList();
        foreach (var group in failed.GroupBy(r => watched[r.Id]))
        {
            var text = new StringBuilder();
            foreach (var (id, _, error) in group)
            {
                var shown = Secrets.Redact(error);
                text.Append($"⚠️ #{id} failed again after /retry and is a dead letter again: {Html.Escape(shown.Length > 200 ? shown[..200] + "…" : shown)}\n");
            }

            text.Append("See /deadletters.");
            var command = group.Key;
            try
            {
                await chat.SendTextAsync(new ChatText(command.ChatId, command.IsTopicMessage ? command.TopicId : null, text.ToString(), command.MessageId), cancellationToken);
                foreach (var row in group)
                {
                    watched.TryRemove(row.Id, out _);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogSendFailed(e, command.ChatId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell chat {ChatId} that a retried delivery failed again; trying again at the next check")]
    private partial void LogSendFailed(Exception error, long chatId);
}
