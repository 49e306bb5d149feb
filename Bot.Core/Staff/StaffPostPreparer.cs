using Bot.Core.Chat;
using Bot.Core.Messages;
using Bot.Core.Outbox;
using Bot.Core.Translation;
using Microsoft.Extensions.Options;

namespace Bot.Core.Staff;

/// <summary>Loads a staff post's message and translates it into the staff language, learning the buyer's language
/// from the first message it detects.</summary>
public sealed class StaffPostPreparer(DeliveryRecords records, ITranslationService translator, IOptions<StaffChatOptions> staffChat)
{
    public async Task<PreparedPost> PrepareAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var (message, conversation, copies) = await records.LoadAsync(item, CopyTarget.Telegram, cancellationToken);
        return await PrepareAsync(new LoadedMessage(message, conversation, copies), cancellationToken);
    }

    /// <summary>Loads the messages of several posts of one lane at once (see <see cref="DeliveryRecords.LoadManyAsync"/>),
    /// for <see cref="PrepareAsync(LoadedMessage, CancellationToken)"/> one by one.</summary>
    public Task<IReadOnlyList<LoadedMessage?>> LoadAsync(IReadOnlyList<OutboxItem> items, CancellationToken cancellationToken) =>
        records.LoadManyAsync(items, CopyTarget.Telegram, cancellationToken);

    public async Task<PreparedPost> PrepareAsync(LoadedMessage loaded, CancellationToken cancellationToken)
    {
        var (message, conversation, copies) = loaded;
        var known = message.Language ?? (message.Role == AuthorRole.Buyer ? conversation.BuyerLanguage : null);
        // A buyer's message is likely in the language the conversation is known to be in; anything else in the staff's.
        var likely = message.Role == AuthorRole.Buyer ? conversation.BuyerLanguage : staffChat.Value.StaffLanguage;
        var translation = await translator.TranslateAsync(message.Text, message.Language, likely, staffChat.Value.StaffLanguage, cancellationToken);
        if (message.Role == AuthorRole.Buyer && message.Language is null && translation.SourceLanguage is { } detected)
        {
            await records.LearnLanguageAsync(message, conversation, detected, cancellationToken);
            // As stored: the next post of the conversation, loaded beside this one, sees the language learned.
            conversation = conversation with { BuyerLanguage = conversation.BuyerLanguage ?? detected };
        }
        else if (known is not null && translation.SourceLanguage is null)
        {
            translation = translation with { SourceLanguage = known };
        }

        return new PreparedPost(message, conversation, copies, translation);
    }
}
