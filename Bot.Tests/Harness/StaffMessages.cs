using Bot.Core.Chat;

namespace Bot.Tests.Harness;

/// <summary>Messages staff write in the harness's staff chat, as the host's update mapper gives them to the core.</summary>
internal static class StaffMessages
{
    /// <summary>A reply by staff member 42 ("Sam") in a conversation's topic.</summary>
    public static IncomingChatMessage Reply(int topicId, int messageId, string? text, bool sticker = false, string? photo = null, DateTimeOffset? at = null) =>
        new(messageId, CoreHarness.StaffChatId, ChatType.Supergroup, messageId, topicId, true, 42, "Sam", false, "en", text, photo, null, sticker, at ?? DateTimeOffset.UtcNow);
}
