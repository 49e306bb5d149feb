using Bot.Core.Chat;
using Bot.Core.Conversations;
using Bot.Core.Drafts;
using Bot.Core.Formatting;
using Bot.Core.Marketplace;
using Bot.Core.Staff;
using Bot.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Core.Workflow;

/// <summary>Edits a conversation's order card in place from everything it shows: the conversation, who has it (and the
/// claim button to match), the order's facts (new ones from a refresh, else those last shown) and the first messages
/// that travelled under it. When the card and those messages no longer fit one Telegram message, the card is posted
/// anew in the topic (the old message keeps the messages) and that message is the one edited from then on. Edits are
/// made one at a time, so a claim and a refresh at once cannot undo each other.</summary>
public sealed partial class CardEditor(
    IChatGateway chat,
    IDbConnectionFactory connections,
    IConversationRepository conversations,
    ICardMessageRepository cardMessages,
    IOrderCardRepository orderCards,
    IWorkflowRepository workflow,
    IMarketplaceClient marketplace,
    IOptions<DraftOptions> drafts,
    ILogger<CardEditor> logger) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public void Dispose() => gate.Dispose();

    /// <summary>Shows the card again after a claim or a release, with the facts it showed.</summary>
    public Task<bool> ShowClaimAsync(Conversation conversation, CancellationToken cancellationToken) =>
        EditAsync(conversation, null, null, cancellationToken);

    /// <param name="fallback">Where the card is when its message was never stored (a card older than that record).</param>
    /// <param name="factsHtml">The order's facts as the card shows them now; null keeps those last shown.</param>
    /// <returns>False when there is no card or Telegram refused the edit (logged).</returns>
    public async Task<bool> EditAsync(Conversation conversation, CardMessage? fallback, string? factsHtml, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            CardMessage? posted;
            Claim? claim;
            await using (var session = await DbSession.ReadAsync(connections, cancellationToken))
            {
                posted = await cardMessages.GetAsync(session, conversation.Id);
                claim = await workflow.GetClaimAsync(session, conversation.Id);
            }

            if ((posted ?? fallback) is not { } card)
            {
                return false;
            }

            card = card with { FactsHtml = factsHtml ?? card.FactsHtml };
            var buttons = DraftButtons.WithCard(StaffFormatter.CardButtons(marketplace.Capabilities.InvitesAllowed, claim is not null), drafts.Value);
            var whole = StaffFormatter.CardMessage(conversation, card.TailHtml, claim?.UserName, card.FactsHtml);
            // Telegram counts the text after its HTML is parsed; the card alone always fits (its facts are cut to fit).
            if (card.TailHtml is not null && HtmlSplitter.PlainLength(whole) > ChatLimits.MaxTextLength)
            {
                return await RepostAsync(conversation, card, StaffFormatter.CardMessage(conversation, null, claim?.UserName, card.FactsHtml), buttons, cancellationToken);
            }

            await chat.EditTextAsync(card.MessageId, new ChatText(card.ChatId, null, whole, Buttons: buttons), cancellationToken);
            if (card != posted)
            {
                await using var write = await DbSession.BeginAsync(connections, cancellationToken);
                await cardMessages.SetAsync(write, card);
                await write.CommitAsync(cancellationToken);
            }

            return true;
        }
        catch (ChatDeliveryException e)
        {
            LogEditFailed(conversation.Id, e.Kind, e.Message);
            return false;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<bool> RepostAsync(
        Conversation conversation, CardMessage card, string text, IReadOnlyList<IReadOnlyList<ChatButton>> buttons, CancellationToken cancellationToken)
    {
        ThreadBinding? binding;
        await using (var session = await DbSession.ReadAsync(connections, cancellationToken))
        {
            binding = await conversations.GetBindingAsync(session, conversation.Id, Audience.Staff);
        }

        if (binding is null)
        {
            return false;
        }

        var id = await chat.SendTextAsync(new ChatText(binding.ChatId, binding.TopicId, text, Buttons: buttons), cancellationToken);
        await using var write = await DbSession.BeginAsync(connections, cancellationToken);
        await cardMessages.SetAsync(write, card with { ChatId = binding.ChatId, MessageId = id, TailHtml = null });
        await orderCards.SetMessageAsync(write, conversation.Id, binding.ChatId, id);
        await write.CommitAsync(cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The order card of conversation {ConversationId} could not be edited: {Kind}: {Reason}")]
    private partial void LogEditFailed(long conversationId, ChatErrorKind kind, string reason);
}
