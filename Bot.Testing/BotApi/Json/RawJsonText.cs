using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Testing.BotApi.Json;

/// <summary>JSON text written out as given, for what a JsonNode cannot carry (a lone surrogate escape such as \ud800 is
/// valid JSON, and Telegram may send it, but no valid string).</summary>
[JsonConverter(typeof(Converter))]
internal sealed record RawJsonText(string Json)
{
    private sealed class Converter : JsonConverter<RawJsonText>
    {
        public override RawJsonText Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Raw JSON text is only written.");

        public override void Write(Utf8JsonWriter writer, RawJsonText value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.Json);
    }
}
