using System.Text.Json;
using Bot.Core.Chat;
using Bot.Core.Outbox;

namespace Bot.Core.Feedback;

/// <summary>Marks a person's message with a reaction (👍 delivered, 👎 not). Where the chat refuses the reaction, the
/// payload's fallback text is replied instead, so the outcome still reaches them; a refusal is never a dead letter.</summary>
public sealed class ReactionHandler(ReactionSender reactions, NoteSender notes) : IDeliveryHandler
{
    public string Kind => OutboxKinds.Reaction;

    public async Task DeliverAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var reaction = JsonSerializer.Deserialize<ReactionPayload>(item.Payload ?? "null")
            ?? throw new InvalidOperationException($"Outbox item {item.Id} has no reaction.");
        if (await reactions.TryReactAsync(reaction.ChatId, reaction.MessageId, reaction.Emoji, cancellationToken))
        {
            return;
        }

        if (reaction.FallbackHtml is { Length: > 0 } html)
        {
            await notes.SendAsync(new ChatText(reaction.ChatId, reaction.TopicId, html, reaction.MessageId), cancellationToken);
        }
    }
}
