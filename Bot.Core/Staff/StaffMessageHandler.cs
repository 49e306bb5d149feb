using Bot.Core.Chat;
using Bot.Core.Conversations;
using Bot.Core.Feedback;
using Bot.Core.Messages;
using Bot.Core.Outbox;
using Bot.Core.Routing;
using Bot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Bot.Core.Staff;

/// <summary>A message in the staff chat: in a conversation's topic it is a reply for the marketplace (stored, then
/// delivered by the outbox); anywhere else it is ignored. A photo (with or without caption) goes to the marketplace too, and
/// so does a document of a type and size the marketplace takes (<see cref="Marketplace.MarketplaceCapabilities.Files"/>);
/// another document gets a note saying why, and nothing of it (not even its caption) is sent. Stickers and other media get a polite note, and so does a
/// command the bridge does not know ("/xyz" is not sent to the buyer: a mistyped command must not land in the
/// dispute record; text that merely starts with "/", like "/ ok", is not a command and is relayed). Edits are
/// answered by <see cref="StaffEditHandler"/>.</summary>
public sealed partial class StaffMessageHandler(
    IDbConnectionFactory connections,
    IConversationRepository conversations,
    IMessageRepository messages,
    IOutboxRepository outbox,
    Notices notices,
    IEnumerable<IStaffCommand> commands,
    IEnumerable<IStaffGeneralCommand> generalCommands,
    StaffEditHandler edits,
    AnsweredMessages answered,
    RelayMetrics metrics,
    Marketplace.IMarketplaceClient marketplace,
    Microsoft.Extensions.Options.IOptions<StaffChatOptions> options,
    ILogger<StaffMessageHandler> logger) : IChatEditRoute
{
    internal static string UnknownCommand(string word, string known) =>
        $"Not sent: /{word} is not a command here (commands in a topic: {known}). To send text that starts with “/”, put a space after the slash.";
    internal const string Unsupported = "Only text can be relayed to the buyer; this message was not sent.";

    public int Order => 0;

    public bool Matches(IncomingChatMessage message) => options.Value.IsStaffChat(message.ChatId);

    public async Task HandleEditAsync(IncomingChatMessage edited, CancellationToken cancellationToken)
    {
        if (await ConversationOfAsync(edited, cancellationToken) is { } conversation)
        {
            await edits.HandleAsync(edited, conversation, cancellationToken);
        }
    }

    public async Task HandleAsync(IncomingChatMessage message, CancellationToken cancellationToken)
    {
        if (await ConversationOfAsync(message, cancellationToken) is not { } conversation)
        {
            if (!message.IsTopicMessage && message.Command() is var (word, arguments) && generalCommands.FirstOrDefault(c => c.Name == word) is { } general)
            {
                await general.HandleAsync(message, arguments, cancellationToken);
            }

            return;
        }

        if (message.IsCommand)
        {
            await RunCommandAsync(message, conversation, cancellationToken);
            return;
        }

        var text = message.Text?.Trim() ?? "";
        if (text.Length == 0 && !message.HasOtherContent && message.PhotoFileId is null)
        {
            return; // A service message (topic renamed, closed...): nothing was said.
        }

        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        var file = message.PhotoFileId is null ? message.Document : null;
        var refusal = file is not null ? StaffFiles.Refusal(marketplace.Capabilities, file) : text.Length == 0 && message.PhotoFileId is null ? Unsupported : null;
        if (refusal is not null)
        {
            // A file the marketplace cannot take, a sticker, a voice note...: say so rather than drop it silently.
            await NoticeAsync(session, message, conversation.Id, refusal, ChatReactions.Unsupported);
            await session.CommitAsync(cancellationToken);
            return;
        }

        var id = await messages.InsertAsync(session, new NewMessage(
            conversation.Id, MessageOrigin.Telegram, AuthorRole.Staff, message.FromName, text,
            SourceChatId: message.ChatId, SourceMessageId: message.MessageId, SourceFileId: message.PhotoFileId ?? file?.FileId, SentAt: message.Date,
            SourceFileName: file?.Name, SourceFileType: file?.ContentType, ReplyToMessageId: await answered.FindAsync(session, message)));
        if (id is null)
        {
            metrics.DuplicateDropped(AuthorRole.Staff); // The same update again (after a restart): already stored.
            return;
        }

        await outbox.EnqueueAsync(session, new OutboxEntry(OutboxKinds.MarketplaceSend, OutboxKinds.MarketplaceLane(conversation.Id), conversation.Id, id));

        await session.CommitAsync(cancellationToken);
        metrics.Received(AuthorRole.Staff);
    }

    /// <summary>The conversation whose topic the message is in; null in the general topic (the staff's own room) and in
    /// topics that belong to no conversation.</summary>
    private async Task<Conversation?> ConversationOfAsync(IncomingChatMessage message, CancellationToken cancellationToken)
    {
        if (!message.IsTopicMessage || message.TopicId is not { } topicId)
        {
            return null;
        }

        await using var lookup = await DbSession.ReadAsync(connections, cancellationToken);
        var conversation = await conversations.FindByTopicAsync(lookup, message.ChatId, topicId);
        if (conversation is null)
        {
            LogNotBound(message.ChatId, topicId);
        }

        return conversation;
    }

    private async Task RunCommandAsync(IncomingChatMessage message, Conversation conversation, CancellationToken cancellationToken)
    {
        var (word, arguments) = message.Command()!.Value;
        var command = commands.FirstOrDefault(c => c.Name == word);
        if (command is null)
        {
            LogUnknownCommand(word);
            var known = string.Join(", ", commands.Select(c => "/" + c.Name).Order(StringComparer.Ordinal));
            await using var session = await DbSession.BeginAsync(connections, cancellationToken);
            await NoticeAsync(session, message, conversation.Id, UnknownCommand(word, known), ChatReactions.Unsupported);
            await session.CommitAsync(cancellationToken);
            return;
        }

        await command.HandleAsync(message, conversation, arguments, cancellationToken);
    }

    private Task<long> NoticeAsync(DbSession session, IncomingChatMessage message, long conversationId, string text, string? reaction) =>
        notices.EnqueueAsync(session, new NoticePayload(message.ChatId, message.TopicId, Formatting.Html.Escape(text), message.MessageId, reaction), conversationId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Message in topic {TopicId} of chat {ChatId} ignored: the topic is not a conversation's")]
    private partial void LogNotBound(long chatId, int topicId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Unknown staff command /{Command}: not sent, staff told")]
    private partial void LogUnknownCommand(string command);
}
