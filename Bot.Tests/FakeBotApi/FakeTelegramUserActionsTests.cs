using Bot.Testing.BotApi;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;

using Bot.Tests.Harness;

namespace Bot.Tests.FakeBotApi;

/// <summary>The fake's bot_command entities, anonymous admins, edits and restarted update ids look like Telegram's.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class FakeTelegramUserActionsTests
{
    private const long Staff = FakeTelegramSession.StaffGroup;

    [Fact]
    public async Task CommandAddressedToABot_IsOneBotCommandEntity_AndSlashTextIsNone()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        session.Server.EnqueueMessage(Staff, 5001, "Sam", "/pause@other_bot now");
        session.Server.EnqueueMessage(Staff, 5001, "Sam", "/ ok, and see /path/to or /привет");

        var updates = await session.Bot.GetUpdates();

        var entity = Assert.Single(updates[0].Message!.Entities!);
        Assert.Equal((MessageEntityType.BotCommand, 0, 16), (entity.Type, entity.Offset, entity.Length));
        Assert.Null(updates[1].Message!.Entities);
    }

    [Fact]
    public async Task AnonymousAdminMessage_ComesFromGroupAnonymousBot_OnBehalfOfTheGroup()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        session.Server.EnqueueAnonymousAdminMessage(Staff, "We ship today.", signature: "Boss");

        var message = Assert.Single(await session.Bot.GetUpdates()).Message!;

        Assert.Equal((FakeTelegramServer.GroupAnonymousBotId, true), (message.From!.Id, message.From.IsBot));
        Assert.Equal(Staff, message.SenderChat!.Id);
        Assert.Equal("Boss", message.AuthorSignature);
    }

    [Fact]
    public async Task EditedMessage_ArrivesAsEditedMessageUpdate_WithTheNewText()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        var id = session.Server.EnqueueMessage(Staff, 5001, "Sam", "Ships Monday");
        var first = await session.Bot.GetUpdates();

        session.Server.EditUserMessage(Staff, id, "Ships Tuesday");
        var edit = Assert.Single(await session.Bot.GetUpdates(first[^1].Id + 1));

        Assert.Equal(UpdateType.EditedMessage, edit.Type);
        Assert.Equal((id, "Ships Tuesday"), (edit.EditedMessage!.MessageId, edit.EditedMessage.Text));
        Assert.NotNull(edit.EditedMessage.EditDate);
    }

    [Fact]
    public async Task RestartedIds_AnOffsetFarAboveThem_IsAnsweredFromTheQueueStart()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        session.Server.RestartUpdateIds(42);
        session.Server.EnqueueMessage(Staff, 5001, "Sam", "after a quiet week");

        var updates = await session.Bot.GetUpdates(offset: 5_000_000);

        Assert.Equal(42, Assert.Single(updates).Id);
    }
}
