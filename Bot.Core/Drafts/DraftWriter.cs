using Bot.Core.Chat;
using Bot.Core.Conversations;
using Bot.Core.Export;
using Bot.Core.Formatting;
using Bot.Core.Marketplace;
using Bot.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Core.Drafts;

/// <summary>Writes one requested draft: reads the conversation's latest messages, the order facts stored with its card
/// and the store's policy file, asks the model, and posts the draft in the topic with a Send button (or one line
/// saying why there is none). Nothing is sent to the buyer here. The draft is stored in the same transaction that
/// deletes its request, so a restart does not write it again; a stop that begins once the model has answered waits
/// for both (only a crash between Telegram's answer and that commit posts it again).</summary>
public sealed partial class DraftWriter(
    TranscriptReader transcripts,
    IDbConnectionFactory connections,
    IOrderCardRepository cards,
    IDraftRepository drafts,
    IDraftRequestRepository requests,
    DraftModel model,
    IChatGateway chat,
    IOptions<DraftOptions> options,
    IOptions<StaffChatOptions> staffChat,
    ILogger<DraftWriter> logger)
{
    private const int MaxPolicyLength = 20_000;
    // Once the model has answered, a stop that begins waits for the post and its record (one Telegram call, one write,
    // both bounded by their own timeouts) instead of cutting them apart: cut between Telegram's answer and the commit,
    // the draft would stay in the topic unknown to the bridge, and be written and posted again after the restart.
    private static readonly CancellationToken Finishing = CancellationToken.None;

    private const string Heading = "✍️ <b>Draft</b> <i>(not sent: press Send, or copy it, edit it and reply)</i>\n\n";

    public async Task WriteAsync(PendingDraft pending, CancellationToken cancellationToken)
    {
        var request = pending.Request;
        var transcript = await transcripts.ReadAsync(request.ConversationId, cancellationToken);
        if (transcript is null)
        {
            return;
        }

        string? factsJson;
        await using (var session = await DbSession.ReadAsync(connections, cancellationToken))
        {
            factsJson = await cards.GetFactsAsync(session, request.ConversationId);
        }

        var recent = transcript.Entries.Where(e => request.UpTo is not { } upTo || e.Id <= upTo).TakeLast(options.Value.RecentMessages).ToList();
        var messages = DraftPrompt.Messages(transcript, recent, OrderFactsJson.Read(factsJson), await PoliciesAsync(cancellationToken), staffChat.Value.StaffLanguage);
        var answer = await model.AskAsync(messages, cancellationToken);
        if (answer.Text is not { } text)
        {
            await chat.SendTextAsync(new ChatText(request.ChatId, request.TopicId, Html.Escape(answer.Failure!), request.PressedMessageId), Finishing);
            return;
        }

        text = TextElements.Truncate(text, ChatLimits.MaxTextLength - Heading.Length);
        var id = await chat.SendTextAsync(
            new ChatText(request.ChatId, request.TopicId, Heading + Html.Escape(text), request.PressedMessageId, [[new ChatButton("📤 Send", DraftButtons.Send)]]),
            Finishing);
        await using var write = await DbSession.BeginAsync(connections, Finishing);
        await drafts.AddAsync(write, new Draft(request.ConversationId, request.ChatId, id, text, request.RequestedBy));
        await requests.DeleteAsync(write, pending.Id);
        await write.CommitAsync(Finishing);
        LogPosted(request.ConversationId, id);
    }

    private async Task<string?> PoliciesAsync(CancellationToken cancellationToken)
    {
        if (options.Value.PolicyFile is not { Length: > 0 } path || !File.Exists(path))
        {
            return null;
        }

        try
        {
            var text = await File.ReadAllTextAsync(path, cancellationToken);
            return text.Length <= MaxPolicyLength ? text : text[..MaxPolicyLength];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogPolicyUnreadable(path, e.Message);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Posted a draft for conversation {ConversationId} as message {MessageId}")]
    private partial void LogPosted(long conversationId, int messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The drafts' policy file {Path} cannot be read ({Reason}): drafting without it")]
    private partial void LogPolicyUnreadable(string path, string reason);
}
