namespace Bot.Core.Chat;

/// <summary>Limits of Telegram's bot platform that the core must respect (https://core.telegram.org/bots/api#sendmessage,
/// #sendphoto, #createforumtopic, #inlinekeyboardbutton).</summary>
public static class ChatLimits
{
    public const int MaxTextLength = 4096;
    public const int MaxCaptionLength = 1024;
    public const int MaxTopicNameLength = 128;
    public const int MaxCallbackDataBytes = 64;

    /// <summary>getFile serves files up to 20 MB (https://core.telegram.org/bots/api#getfile).</summary>
    public const int MaxDownloadBytes = 20 * 1024 * 1024;

    /// <summary>The Bot API takes uploads (sendDocument) of up to 50 MB.</summary>
    public const int MaxDocumentBytes = 50 * 1024 * 1024;

    /// <summary>Private chats, groups and supergroups are told apart by the sign of the id.</summary>
    public static bool IsGroup(long chatId) => chatId < 0;
}
