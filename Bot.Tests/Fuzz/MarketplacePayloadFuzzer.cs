using System.Text.Json.Nodes;

namespace Bot.Tests.Fuzz;

/// <summary>AliExpress message rows and answers as raw JSON: nulls, wrong types, huge and empty strings, unicode edge
/// cases, out-of-range numbers, duplicate ids, unknown fields and list shapes the platform's XML-to-JSON might produce.</summary>
internal sealed class MarketplacePayloadFuzzer(Random random)
{
    private readonly List<JsonNode> _ids = [];

    /// <summary>Fields written over a well-formed detail row (often none: most rows stay readable).</summary>
    public JsonObject DetailFields()
    {
        var fields = new JsonObject();
        if (random.Next(3) == 0)
        {
            fields["content"] = Value(text: true);
        }
        else
        {
            fields["content"] = random.Next(10) == 0 ? FuzzStrings.Next(random) : FuzzStrings.Mix(random, random.Next(1, 5));
        }

        if (random.Next(6) == 0)
        {
            fields["id"] = Id();
        }

        if (random.Next(8) == 0)
        {
            fields["gmt_create"] = Pick<JsonNode?>(null, 1e20, -1, 0, "", "yesterday", "2025-13-45T99:99:99Z", 253402300800000L, long.MaxValue, 1.5, new JsonArray(), true);
        }

        if (random.Next(8) == 0)
        {
            fields["message_type"] = Pick<JsonNode?>(null, "", "ORDER", "product", "member", "future", 7, new JsonObject());
        }

        if (random.Next(8) == 0)
        {
            fields["extern_id"] = Value(text: false);
        }

        if (random.Next(8) == 0)
        {
            fields["sender_ali_id"] = Value(text: false);
        }

        if (random.Next(8) == 0)
        {
            fields["summary"] = random.Next(3) == 0 ? Value(text: true) : new JsonObject
            {
                ["sender_login_id"] = Value(text: true), ["product_name"] = Value(text: true), ["order_url"] = Value(text: true),
                ["product_detail_url"] = Pick<JsonNode?>("javascript:alert(1)", "http://", "https://x/\"><b>", null, 5), ["product_image_url"] = Value(text: true),
            };
        }

        if (random.Next(8) == 0)
        {
            fields["file_path_list"] = Files();
        }

        if (random.Next(10) == 0)
        {
            fields["unknown_" + random.Next(3)] = Value(text: true);
        }

        return fields;
    }

    /// <summary>Fields written over a relation row.</summary>
    public JsonObject RelationFields() => random.Next(5) switch
    {
        0 => new JsonObject { ["message_time"] = Pick<JsonNode?>(1e20, null, "", "soon", -5, long.MaxValue) },
        1 => new JsonObject { ["other_name"] = Value(text: true), ["other_login_id"] = Value(text: true) },
        2 => new JsonObject { ["order_id"] = Value(text: false) },
        3 => new JsonObject { ["other_ali_id"] = Value(text: false), ["unread_count"] = Value(text: false) },
        _ => new JsonObject { ["future_field"] = new JsonObject { ["x"] = new JsonArray(1, null, "y") } },
    };

    /// <summary>A whole answer in a shape the fake does not produce itself.</summary>
    public JsonObject Answer(string method)
    {
        var wrapper = method.Replace('.', '_') + "_response";
        var list = method.EndsWith("querymsgrelationlist", StringComparison.Ordinal) ? "relation_list" : "message_detail_list";
        return random.Next(6) switch
        {
            0 => new JsonObject { [wrapper] = new JsonObject { ["result"] = new JsonObject { ["is_success"] = true, [list] = Value(text: true) } } },
            1 => new JsonObject { [wrapper] = new JsonObject { ["result"] = new JsonObject { ["is_success"] = "maybe", [list] = new JsonArray(1, "x", null, new JsonArray()) } } },
            2 => new JsonObject { [wrapper] = new JsonObject { ["result"] = null } },
            3 => new JsonObject { [wrapper] = new JsonObject { ["result"] = new JsonObject { [list] = new JsonObject { ["x"] = new JsonObject { ["channel_id"] = null } } } } },
            4 => new JsonObject { ["unexpected"] = FuzzStrings.Mix(random, 2) },
            _ => new JsonObject { [wrapper] = new JsonObject { ["result"] = new JsonObject { ["is_success"] = true, [list] = new JsonArray(new JsonObject { ["channel_id"] = "", ["id"] = Id() }) } } },
        };
    }

    private JsonNode? Id()
    {
        if (_ids.Count > 0 && random.Next(3) == 0)
        {
            return _ids[random.Next(_ids.Count)].DeepClone(); // a duplicate id
        }

        var id = Pick<JsonNode?>("", " ", FuzzStrings.Mix(random, 2), FuzzStrings.Huge(random, 5000), -1, 0, 1e20, 9_999_999_999_999_999L, new JsonObject(), null);
        if (id is not null)
        {
            _ids.Add(id.DeepClone());
        }

        return id;
    }

    private JsonNode? Value(bool text) => random.Next(12) switch
    {
        0 => null,
        1 => "",
        2 => FuzzStrings.Huge(random, random.Next(1000, 5000)),
        3 => Pick<JsonNode?>(-1, 0, 1e308, long.MinValue, 3.14),
        4 => new JsonArray(FuzzStrings.Mix(random, 1), null),
        5 => new JsonObject { ["nested"] = FuzzStrings.Mix(random, 1) },
        6 => random.Next(2) == 0,
        _ => text ? FuzzStrings.Mix(random, 3) : random.NextInt64().ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private JsonNode? Files() => random.Next(4) switch
    {
        0 => Value(text: true),
        1 => new JsonArray(new JsonObject { ["l_path"] = Value(text: true), ["m_path"] = null }, "not an object", null),
        2 => new JsonObject { ["file_path"] = new JsonObject { ["s_path"] = Pick<JsonNode?>("http://127.0.0.1:9/x.jpg", "ftp://x", "", "\u202Ehttps://evil", 5) } },
        _ => new JsonObject { ["file_path"] = new JsonArray() },
    };

    private T Pick<T>(params T[] values) => values[random.Next(values.Length)];
}
