using Bot.Core.Chat;
using Bot.Core.Routing;
using Bot.Tests.Harness;

namespace Bot.Tests.Staff;

/// <summary>Staff always learn what became of what they wrote in a topic: commands for other bots are left alone,
/// unknown commands are answered, slash text that is not a command is relayed, edits are answered.</summary>
public sealed class StaffCommandAndEditTests : IAsyncLifetime
{
    private CoreHarness harness = null!;
    private int topic;

    public async Task InitializeAsync()
    {
        harness = await CoreHarness.StartAsync();
        topic = await harness.OpenTopicAsync("9101", "Is it in stock?");
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    private IChatUpdateHandler Updates => harness.Get<IChatUpdateHandler>();

    private Task SayAsync(int messageId, string text) =>
        Updates.HandleMessageAsync(StaffMessages.Reply(topic, messageId, text), CancellationToken.None);

    private Task EditAsync(int messageId, string text) =>
        Updates.HandleMessageAsync(StaffMessages.Reply(topic, messageId, text) with { IsEdit = true }, CancellationToken.None);

    private ChatText? NoteOn(int messageId) => harness.Gateway.TextsIn(topic).LastOrDefault(t => t.ReplyToMessageId == messageId);

    [Fact]
    public async Task CommandForAnotherBot_IsNeitherRunNorRelayed()
    {
        var before = harness.Gateway.TextsIn(topic).Count;

        await SayAsync(710, "/lang@other_bot de");
        await harness.DrainAsync();

        Assert.Empty(harness.Marketplace.Sent);
        Assert.Equal(before, harness.Gateway.TextsIn(topic).Count);
    }

    [Fact]
    public async Task UnknownCommand_IsNotSent_AndStaffAreToldWhy()
    {
        await SayAsync(711, "/refnd@store_bridge_bot please");
        await harness.DrainAsync();

        Assert.Empty(harness.Marketplace.Sent);
        var note = NoteOn(711);
        Assert.NotNull(note);
        Assert.Contains("Not sent: /refnd is not a command here", note.Html);
        Assert.Contains("/lang", note.Html);
    }

    [Fact]
    public async Task SlashTextThatIsNotACommand_IsRelayedAsText()
    {
        await SayAsync(712, "/ ok, it ships 12/03");
        await harness.DrainAsync();

        Assert.Equal("/ ok, it ships 12/03", Assert.Single(harness.Marketplace.Sent).Text);
    }

    [Fact]
    public async Task EditAfterDelivery_GetsANote_AndTheMarketplaceKeepsTheOriginal()
    {
        await SayAsync(713, "Ships Monday");
        await harness.DrainAsync();

        await EditAsync(713, "Ships Tuesday");
        await harness.DrainAsync();

        Assert.Equal("Ships Monday", Assert.Single(harness.Marketplace.Sent).Text);
        Assert.Contains("edited after it was sent; the marketplace keeps the original", NoteOn(713)?.Html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task EditBeforeDelivery_TheMarketplaceGetsTheEditedText()
    {
        await SayAsync(714, "Ships Monday");
        await EditAsync(714, "Ships Tuesday");
        await harness.DrainAsync();

        Assert.Equal("Ships Tuesday", Assert.Single(harness.Marketplace.Sent).Text);
        Assert.Contains("the marketplace gets the edited text", NoteOn(714)?.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/invite", "invite", null)]
    [InlineData("/Pause@Other_Bot now", "pause", "Other_Bot")]
    [InlineData("/lang de", "lang", null)]
    public void BotCommand_IsParsedLikeTelegramMarksIt(string text, string name, string? addressee)
    {
        var command = BotCommand.Parse(text);

        Assert.Equal((name, addressee), (command?.Name, command?.Addressee));
    }

    [Theory]
    [InlineData("/ ok")]
    [InlineData("/path/to/file")]
    [InlineData("/привет")]
    [InlineData("/")]
    [InlineData("hello /start")]
    public void SlashText_IsNotACommand(string text) => Assert.Null(BotCommand.Parse(text));
}
