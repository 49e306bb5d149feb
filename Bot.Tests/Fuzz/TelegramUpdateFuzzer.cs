using System.Text.Json.Nodes;

namespace Bot.Tests.Fuzz;

/// <summary>Bot API updates (message, callback_query, and types the bridge does not ask for) with awkward but
/// well-typed values: the chats the bridge serves and strangers, extreme ids, empty or missing optional parts,
/// duplicate message ids, unknown fields.</summary>
internal sealed class TelegramUpdateFuzzer(Random random, long staffChatId, long operatorChatId, long operatorId, Func<IReadOnlyList<int>> staffTopics)
{
    public const long MaxId = 4_503_599_627_370_495; // 52 bits, the Bot API's limit for ids
    public static readonly long[] Users = [5001, 5002, 7001, 7002, 7003, 7004, 7005, 7006, 8001, 8002, MaxId];
    private readonly List<int> _messageIds = [];
    private readonly TelegramFuzzParts _parts = new(random);

    public JsonObject Next() => random.Next(100) switch
    {
        < 8 => Callback(),
        < 10 => new JsonObject { [random.Next(2) == 0 ? "edited_message" : "future_update_kind"] = Message() },
        _ => new JsonObject { ["message"] = Message() },
    };

    private JsonObject Message()
    {
        var (chat, forum) = Chat();
        var message = new JsonObject
        {
            ["message_id"] = MessageId(),
            ["date"] = random.Next(10) == 0 ? Pick(0, 1, int.MaxValue) : (int)DateTimeOffset.UtcNow.ToUnixTimeSeconds() - random.Next(100_000),
            ["chat"] = chat,
            ["from"] = User(),
        };
        var thread = Thread(forum, chat["id"]!.GetValue<long>());
        if (thread is { } id)
        {
            message["message_thread_id"] = id;
            message["is_topic_message"] = random.Next(4) != 0;
        }

        switch (random.Next(10))
        {
            case 0:
                message["photo"] = _parts.Photos();
                message["caption"] = FuzzStrings.Next(random);
                break;
            case 1:
                message["sticker"] = new JsonObject { ["file_id"] = "s" + random.Next(), ["file_unique_id"] = "u", ["type"] = "regular", ["width"] = 512, ["height"] = 512, ["is_animated"] = false, ["is_video"] = false };
                break;
            case 2:
                break; // No content at all.
            default:
                message["text"] = random.Next(6) == 0 ? _parts.Command() : FuzzStrings.Next(random);
                message["entities"] = _parts.Entities();
                break;
        }

        if (random.Next(8) == 0)
        {
            var reply = new JsonObject { ["message_id"] = MessageId(), ["date"] = 1, ["chat"] = chat.DeepClone(), ["text"] = FuzzStrings.Mix(random, 2) };
            message["reply_to_message"] = reply;
        }

        _parts.AddUnknownFields(message);
        return message;
    }

    private JsonObject Callback()
    {
        var (chat, _) = Chat();
        var query = new JsonObject
        {
            ["id"] = random.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["from"] = User(),
            ["chat_instance"] = "ci" + random.Next(),
            ["data"] = FuzzStrings.Truncate(random.Next(3) == 0 ? _parts.Command() : random.Next(2) == 0 ? Pick("ord:", "ord:1", "ord:2", "ord:-1", "ord:99999999999999999999", "qr:", "qr:x", "qr:ship", "tpl:", "tpl:\u202E", "tpl:thanks", "x") + (random.Next(3) == 0 ? FuzzStrings.Mix(random, 1) : "") : FuzzStrings.Mix(random, 2), 64),
        };
        if (random.Next(5) != 0)
        {
            query["message"] = new JsonObject { ["message_id"] = MessageId(), ["date"] = random.Next(3) == 0 ? 0 : 1_700_000_000, ["chat"] = chat };
        }

        _parts.AddUnknownFields(query);
        return new JsonObject { ["callback_query"] = query };
    }

    private (JsonObject Chat, bool Forum) Chat()
    {
        switch (random.Next(10))
        {
            case < 3:
                return (new JsonObject { ["id"] = staffChatId, ["type"] = "supergroup", ["title"] = "Store staff", ["is_forum"] = true }, true);
            case 3:
                return (new JsonObject { ["id"] = operatorChatId, ["type"] = "supergroup", ["title"] = "Operators" }, false);
            case < 7:
                var user = Users[random.Next(Users.Length)];
                return (new JsonObject { ["id"] = user, ["type"] = "private", ["first_name"] = FuzzStrings.Mix(random, 2) }, random.Next(4) == 0);
            case 7:
                return (new JsonObject { ["id"] = Pick(-MaxId, -1, -1009999999999999, -100), ["type"] = Pick("group", "supergroup"), ["title"] = FuzzStrings.Mix(random, 2), ["is_forum"] = random.Next(2) == 0 }, true);
            case 8:
                return (new JsonObject { ["id"] = -1002000000000 - random.Next(1000), ["type"] = "channel", ["title"] = FuzzStrings.Mix(random, 1) }, false);
            default:
                return (new JsonObject { ["id"] = random.NextInt64(1, MaxId), ["type"] = "private", ["first_name"] = "" }, false);
        }
    }

    private JsonObject User()
    {
        var id = random.Next(6) == 0 ? operatorId : Users[random.Next(Users.Length)];
        var user = new JsonObject { ["id"] = id, ["is_bot"] = random.Next(15) == 0, ["first_name"] = random.Next(5) == 0 ? "" : FuzzStrings.Mix(random, 2) };
        if (random.Next(2) == 0)
        {
            user["last_name"] = FuzzStrings.Mix(random, 1);
        }

        if (random.Next(2) == 0)
        {
            user["language_code"] = Pick("en", "ru", "zh-hans", "", "xx-INVALID-tag", "\u202E", "pt-br", FuzzStrings.Mix(random, 1));
        }

        return user;
    }

    private int? Thread(bool forum, long chatId)
    {
        var roll = random.Next(10);
        if (!forum || roll < 3)
        {
            return null;
        }

        var topics = chatId == staffChatId ? staffTopics() : [];
        return roll < 6 && topics.Count > 0 ? topics[random.Next(topics.Count)] : Pick(1, 2, int.MaxValue, random.Next(3, 100_000));
    }

    private int MessageId()
    {
        int id;
        if (_messageIds.Count > 0 && random.Next(5) == 0)
        {
            id = _messageIds[random.Next(_messageIds.Count)]; // a duplicate
        }
        else
        {
            id = random.Next(20) == 0 ? int.MaxValue : random.Next(1, 1_000_000);
            _messageIds.Add(id);
        }

        return id;
    }

    private T Pick<T>(params T[] values) => values[random.Next(values.Length)];
}
