using System.Text.Json;
using Bot.Core.Conversations;
using Bot.Core.Marketplace;
using Bot.Marketplace.AliExpress;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Tests.AliExpress;

[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class AliExpressMessageMapperTests
{
    private static readonly AliExpressRelation Chat = new("555", null, "buyer1", "1001", "Buyer", 1_700_000_000_000);

    [Theory]
    [InlineData("""{"id":"9","sender_login_id":"BUYER1"}""", MarketplaceAuthor.Buyer)]
    [InlineData("""{"id":9,"summary":{"sender_login_id":"store-sub-account"}}""", MarketplaceAuthor.Seller)]
    [InlineData("""{"id":9,"sender_ali_id":1001}""", MarketplaceAuthor.Buyer)]
    [InlineData("""{"id":9,"sender_ali_id":"2002"}""", MarketplaceAuthor.Seller)]
    public void Map_Author_IsBuyerOnlyWhenTheSenderIsTheRelationsOtherSide(string json, MarketplaceAuthor expected)
    {
        var message = Map(Chat, json);

        Assert.Equal(expected, message?.Author);
    }

    [Fact]
    public void Map_UnknownMessageTypeWithoutContent_IsAnEmptyChatMessageWithMemberContext()
    {
        var message = Map(Chat, """{"id":10,"message_type":"sticker","file_path_list":{"file_path":{"s_path":"s.jpg","m_path":"m.jpg"}}}""");

        Assert.NotNull(message);
        Assert.Equal((ConversationKind.Chat, "", "member:0"), (message.Kind, message.Text, message.ReplyContext));
        Assert.Equal(["m.jpg"], message.ImageUrls);
        Assert.Null(message.Card);
    }

    [Fact]
    public void Map_MessageWithoutId_IsSkipped() => Assert.Null(Map(Chat, """{"content":"?"}"""));

    private static MarketplaceMessage? Map(AliExpressRelation relation, string json)
    {
        using var document = JsonDocument.Parse(json);
        return new AliExpressMessageMapper(NullLogger<AliExpressMessageMapper>.Instance).Map(relation, document.RootElement, DateTimeOffset.UnixEpoch);
    }
}
