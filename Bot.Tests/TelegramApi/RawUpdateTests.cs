using System.Text.Json;
using Bot.TelegramApi;

namespace Bot.Tests.TelegramApi;

[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class RawUpdateTests
{
    [Fact]
    public void Decode_UndecodableUpdate_KeepsItsIdRawJsonAndError()
    {
        using var json = JsonDocument.Parse("""{"update_id":42,"message":{"message_id":1,"date":0,"chat":{"id":1,"type":"private"},"text":"a\ud800b"}}""");

        var update = RawUpdate.Decode(json.RootElement);

        Assert.Equal(42, update.Id);
        Assert.Null(update.Update);
        Assert.IsType<JsonException>(update.Error);
        Assert.Contains("\\ud800", update.Json, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_UpdateIdUnreadable_HasNoId()
    {
        using var json = JsonDocument.Parse("""{"update_id":"not a number","message":{}}""");

        var update = RawUpdate.Decode(json.RootElement);

        Assert.Equal((null, null), (update.Id, update.Update));
        Assert.NotNull(update.Error);
    }

    [Fact]
    public void Split_ResultThatIsNoArray_FailsTheWholePoll()
    {
        using var json = JsonDocument.Parse("""{"update_id":1}""");

        Assert.Throws<JsonException>(() => RawUpdate.Split(json.RootElement).ToList());
    }
}
