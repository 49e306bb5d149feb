using Bot.TelegramApi;
using Telegram.Bot.Types;

namespace Bot.Tests.TelegramApi;

/// <summary>Malformed parts of an update are skipped, not fatal to the update.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class UpdateMapperTests
{
    [Fact]
    public void Message_PhotoListWithANullEntry_MapsTheLargestRealPhoto()
    {
        var update = new Update
        {
            Id = 1,
            Message = new Message
            {
                Id = 10,
                Date = DateTime.UnixEpoch,
                Chat = new Chat { Id = 7001, Type = global::Telegram.Bot.Types.Enums.ChatType.Private },
                From = new User { Id = 7001, FirstName = "Ann" },
                Photo = [null!, new PhotoSize { FileId = "small", Width = 90, Height = 90 }, new PhotoSize { FileId = "big", Width = 1280, Height = 960 }],
            },
        };

        var message = UpdateMapper.ToMessage(update);

        Assert.Equal("big", message!.PhotoFileId);
    }
}
