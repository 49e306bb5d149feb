using System.Text.Json.Nodes;

namespace Bot.Tests.Fuzz;

/// <summary>Parts of generated updates: photo sizes, entities, commands, fields the Bot API may add one day.</summary>
internal sealed class TelegramFuzzParts(Random random)
{
    public JsonArray Photos()
    {
        var photos = new JsonArray();
        for (var i = random.Next(0, 4); i > 0; i--)
        {
            var photo = new JsonObject { ["file_id"] = random.Next(8) == 0 ? "" : "p" + random.Next(), ["file_unique_id"] = "u" + random.Next(), ["width"] = Pick(0, 90, 1280, int.MaxValue), ["height"] = Pick(0, 90, 1280, int.MaxValue) };
            if (random.Next(2) == 0)
            {
                photo["file_size"] = Pick(0L, 1024L, TelegramUpdateFuzzer.MaxId);
            }

            photos.Add(photo);
        }

        return photos;
    }

    public JsonArray Entities()
    {
        var entities = new JsonArray();
        for (var i = random.Next(0, 3); i > 0; i--)
        {
            entities.Add(new JsonObject { ["type"] = Pick("bold", "bot_command", "url", "mention", "custom_emoji"), ["offset"] = Pick(0, 1, 5000, int.MaxValue), ["length"] = Pick(0, 1, 7, int.MaxValue) });
        }

        return entities;
    }

    public string Command() => Pick("/status", "/deadletters", "/setaside", "/retry ", "/retry 1", "/retry abc", "/start ", "/start x", "/orders", "/help", "/unlink", "/lang ", "/lang de", "/templates", "/invite", "/status@other_bot", "/Status", "/start@fake_bridge_bot zzz")
        + (random.Next(3) == 0 ? FuzzStrings.Mix(random, 1) : "");

    public void AddUnknownFields(JsonObject target)
    {
        if (random.Next(4) == 0)
        {
            target["future_field_" + random.Next(5)] = random.Next(3) switch { 0 => null, 1 => new JsonObject { ["nested"] = new JsonArray(1, "x", null) }, _ => FuzzStrings.Mix(random, 1) };
        }
    }

    private T Pick<T>(params T[] values) => values[random.Next(values.Length)];
}
