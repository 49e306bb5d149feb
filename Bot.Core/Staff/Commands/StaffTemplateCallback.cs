using Bot.Core.Buyers;
using Bot.Core.Chat;
using Bot.Core.Conversations;
using Bot.Core.Messages;
using Bot.Core.Outbox;
using Bot.Core.Routing;
using Bot.Core.Storage;
using Microsoft.Extensions.Options;

namespace Bot.Core.Staff.Commands;

/// <summary>A tap on a staff template in a conversation's topic sends it as a staff reply.</summary>
public sealed class StaffTemplateCallback(
    IDbConnectionFactory connections,
    IConversationRepository conversations,
    IMessageRepository messages,
    IOutboxRepository outbox,
    IChatGateway chat,
    IOptions<BuyerOptions> buyerOptions,
    IOptions<StaffChatOptions> staffChat) : ICallbackHandler
{
    public async Task<bool> TryHandleAsync(IncomingCallback callback, CancellationToken cancellationToken)
    {
        if (!callback.Data.StartsWith(StaffTemplatesCommand.Prefix, StringComparison.Ordinal) || !staffChat.Value.IsStaffChat(callback.ChatId))
        {
            return false;
        }

        var name = callback.Data[StaffTemplatesCommand.Prefix.Length..];
        string answer;
        await using (var session = await DbSession.BeginAsync(connections, cancellationToken))
        {
            var conversation = callback.TopicId is { } topic ? await conversations.FindByTopicAsync(session, callback.ChatId, topic) : null;
            if (conversation is null || !buyerOptions.Value.StaffTemplates.TryGetValue(name, out var text))
            {
                answer = "This template or conversation no longer exists.";
            }
            else
            {
                var id = await messages.InsertAsync(session, new NewMessage(
                    conversation.Id, MessageOrigin.Telegram, AuthorRole.Staff, callback.FromName, text,
                    SourceChatId: callback.ChatId, SourceMessageId: callback.PressId));
                if (id is not null)
                {
                    await outbox.EnqueueAsync(session, new OutboxEntry(OutboxKinds.MarketplaceSend, OutboxKinds.MarketplaceLane(conversation.Id), conversation.Id, id));
                }

                answer = $"Sending “{name}”";
            }

            await session.CommitAsync(cancellationToken);
        }

        await chat.AnswerCallbackAsync(callback.CallbackId, answer, cancellationToken);
        return true;
    }
}
