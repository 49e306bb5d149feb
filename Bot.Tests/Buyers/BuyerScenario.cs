using System.Text.RegularExpressions;
using Bot.Core.Chat;
using Bot.Core.Routing;
using Bot.Core.Storage;
using Bot.Tests.Harness;
using Dapper;

namespace Bot.Tests.Buyers;

/// <summary>The core with one order conversation in the staff chat, and the steps buyer tests repeat: invite, link,
/// write privately, answer from the staff topic, look at what reached whom.</summary>
internal sealed partial class BuyerScenario : IAsyncDisposable
{
    public const long Buyer = 91001;
    private int nextMessage = 1;
    private long nextUpdate = 1;

    private BuyerScenario(CoreHarness harness) => Harness = harness;

    public CoreHarness Harness { get; }

    public IChatUpdateHandler Updates => Harness.Get<IChatUpdateHandler>();

    public static async Task<BuyerScenario> StartAsync(IDictionary<string, string?>? settings = null, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? configure = null) =>
        new(await CoreHarness.StartAsync(settings, configure));

    /// <summary>A buyer message in a new order conversation; returns the conversation's staff topic.</summary>
    public async Task<int> OrderAsync(string orderId, string buyerId = "buyer-1", string text = "Hello, where is my order?")
    {
        var before = Harness.Gateway.Topics.Count;
        Harness.Marketplace.AddBuyerMessage(orderId, text, buyerId);
        await Harness.RunAsync();
        return Harness.Gateway.Topics.Skip(before).Single().TopicId;
    }

    public IncomingChatMessage Private(string? text, long user = Buyer, int? replyTo = null, int? topic = null) =>
        new(nextUpdate++, user, ChatType.Private, nextMessage++, topic, topic is not null, user, $"User{user}", false, "en", text, null, replyTo, false, DateTimeOffset.UtcNow);

    public async Task SayAsync(string text, long user = Buyer, int? topic = null)
    {
        await Updates.HandleMessageAsync(Private(text, user, topic: topic), CancellationToken.None);
        await Harness.DrainAsync();
    }

    public async Task StaffAsync(int topic, string text)
    {
        await Updates.HandleMessageAsync(StaffMessages.Reply(topic, 5000 + nextMessage++, text), CancellationToken.None);
        await Harness.DrainAsync();
    }

    /// <summary>/invite in the topic; returns the code of the posted link (null when nothing was posted).</summary>
    public async Task<string?> InviteAsync(int topic)
    {
        var before = Harness.Marketplace.Sent.Count;
        await StaffAsync(topic, "/invite");
        var posted = Harness.Marketplace.Sent.Skip(before).SingleOrDefault();
        return posted is null ? null : Code().Match(posted.Text).Groups[1].Value;
    }

    public async Task LinkAsync(int topic, long user = Buyer) => await SayAsync("/start " + await InviteAsync(topic), user);

    public IReadOnlyList<ChatText> To(long chatId) => Harness.Gateway.Texts.Where(t => t.ChatId == chatId).ToList();

    public bool Got(long chatId, string fragment) => To(chatId).Any(t => t.Html.Contains(fragment, StringComparison.Ordinal));

    public IReadOnlyList<ChatText> InTopic(int topic) => Harness.Gateway.TextsIn(topic);

    public async Task<T> ScalarAsync<T>(string sql, object? args = null)
    {
        await using var connection = await Harness.Get<IDbConnectionFactory>().OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<T>(sql, args) ?? throw new InvalidOperationException("No value: " + sql);
    }

    public async Task ExecuteAsync(string sql, object? args = null)
    {
        await using var connection = await Harness.Get<IDbConnectionFactory>().OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(sql, args);
    }

    public ValueTask DisposeAsync() => Harness.DisposeAsync();

    [GeneratedRegex(@"start=([A-Za-z0-9_-]{22})")]
    private static partial Regex Code();
}
