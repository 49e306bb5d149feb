using System.Text.Json;
using Bot.Core.Buyers;
using Bot.TelegramApi;
using Telegram.Bot.Types.Enums;

namespace Bot.Stores;

/// <summary>Which store of a shared bot an update belongs to. A group (a staff group or an operator chat) belongs to
/// the store that names it; a button press goes by the chat of its message. A private chat belongs to the store whose
/// invitation it opens with (<c>/start &lt;code&gt;</c>: each store looks the code up in its own table), else to the
/// store that linked its user to a buyer, else to the store of which the user is an operator. Anything else (an unknown
/// private chat, a group no store names, an update without a chat) goes to the first store by id, which answers and
/// logs it as a store alone on its bot would. Null: the update's store has not joined yet (the update is held), or a
/// private chat cannot be placed while a registered store has not joined (it might be that store's).</summary>
internal static class SharedBotRoutes
{
    public static async Task<SharedBotMember?> RouteAsync(
        RawUpdate raw,
        IReadOnlyDictionary<string, StoreChats> registered,
        IReadOnlyList<SharedBotMember> joined,
        CancellationToken cancellationToken)
    {
        var members = joined.OrderBy(m => m.StoreId, StringComparer.Ordinal).ToList();
        if (members.Count == 0)
        {
            return null;
        }

        var origin = UpdateOrigin.Of(raw);
        if (origin.ChatId is { } chat && registered.Values.FirstOrDefault(s => s.Names(chat)) is { } owner)
        {
            return members.FirstOrDefault(m => m.StoreId == owner.Store);
        }

        if (!origin.IsPrivate || origin.UserId is not { } user)
        {
            return members[0];
        }

        if (registered.Keys.Any(s => members.All(m => m.StoreId != s)))
        {
            return null;
        }

        if (origin.StartCode is { } code)
        {
            foreach (var member in members)
            {
                if (await member.KnowsInviteAsync(code, cancellationToken))
                {
                    return member;
                }
            }
        }

        foreach (var member in members)
        {
            if (await member.KnowsUserAsync(user, cancellationToken))
            {
                return member;
            }
        }

        return members.FirstOrDefault(m => m.IsOperator(user)) ?? members[0];
    }

    /// <summary>Where an update comes from: its chat, whether that is private, its user and an invitation code it opens with.</summary>
    internal sealed record UpdateOrigin(long? ChatId, bool IsPrivate, long? UserId, string? StartCode)
    {
        private static readonly UpdateOrigin None = new(null, false, null, null);

        public static UpdateOrigin Of(RawUpdate raw)
        {
            if (raw.Update is not { } update)
            {
                return OfJson(raw.Json);
            }

            if ((update.Message ?? update.EditedMessage) is { } message)
            {
                return new(message.Chat.Id, message.Chat.Type == ChatType.Private, message.From?.Id, update.Message is null ? null : CodeOf(message.Text));
            }

            if (update.CallbackQuery is { } query)
            {
                return new(query.Message?.Chat.Id, query.Message?.Chat.Type == ChatType.Private, query.From.Id, null);
            }

            return None;
        }

        /// <summary>The code of "/start &lt;code&gt;" (also "/start@bot &lt;code&gt;"), when it looks like one.</summary>
        private static string? CodeOf(string? text)
        {
            if (text is null || !text.StartsWith("/start", StringComparison.Ordinal))
            {
                return null;
            }

            var parts = text.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var command = parts[0].Split('@')[0];
            return command == "/start" && parts.Length == 2 && InviteCodes.LooksLikeCode(parts[1]) ? parts[1] : null;
        }

        /// <summary>What can be read of an update the client library could not decode: its chat and user, if anything.</summary>
        private static UpdateOrigin OfJson(string json)
        {
            try
            {
                using var document = JsonDocument.Parse(json);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    return None;
                }

                JsonElement message = default;
                JsonElement from = default;
                var found = root.TryGetProperty("message", out message) || root.TryGetProperty("edited_message", out message);
                if (found)
                {
                    message.TryGetProperty("from", out from);
                }
                else if (root.TryGetProperty("callback_query", out var query) && query.ValueKind == JsonValueKind.Object)
                {
                    found = query.TryGetProperty("message", out message);
                    query.TryGetProperty("from", out from);
                }

                if (!found || message.ValueKind != JsonValueKind.Object || !message.TryGetProperty("chat", out var chat) || chat.ValueKind != JsonValueKind.Object)
                {
                    return None;
                }

                long? chatId = chat.TryGetProperty("id", out var id) && id.TryGetInt64(out var value) ? value : null;
                var isPrivate = chat.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "private";
                long? userId = from.ValueKind == JsonValueKind.Object && from.TryGetProperty("id", out var user) && user.TryGetInt64(out var userValue) ? userValue : null;
                return new(chatId, isPrivate, userId, null);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
            {
                return None;
            }
        }
    }
}
