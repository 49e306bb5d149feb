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
        var known = message.Language ?? (message.Role == AuthorRole.Buyer ? conversation.BuyerLanguage : null);
        var translation = await translator.TranslateAsync(message.Text, message.Language, staffChat.Value.StaffLanguage, cancellationToken);
        if (message.Role == AuthorRole.Buyer && message.Language is null && translation.SourceLanguage is { } detected)
        {
            await records.LearnLanguageAsync(message, conversation, detected, cancellationToken);
        }
        else if (known is not null && translation.SourceLanguage is null)
        {
            translation = translation with { SourceLanguage = known };
        }

        return new PreparedPost(message, conversation, copies, translation);
    }
}
