using System.Text.RegularExpressions;
using Bot.Core.Conversations;
using Bot.Testing;
using Bot.Testing.AliExpress;
using Bot.Testing.BotApi;
using Bot.Testing.Hosting;

namespace Bot.Tests.EndToEnd.FaultMatrix;

/// <summary>Numbered messages both ways through the fakes: buyers write order comments on the fake AliExpress (they
/// must appear in the staff topics), staff answer in those topics on the fake Telegram (the answers must be posted to
/// AliExpress). Each message carries a token (b0001, s0001) so arrivals can be counted however they are formatted.</summary>
public sealed partial class TwoWayTraffic(FakeTelegramServer telegram, FakeAliExpressServer aliexpress, int orders)
{
    public const long Staff = BridgeHost.StaffChatId;
    public const long StaffUser = 5001;

    private readonly List<(string Conversation, string Token)> buyer = [];
    private readonly List<(string Conversation, string Token)> staff = [];

    public int BuyerCount => buyer.Count;

    public int StaffCount => staff.Count;

    public static string OrderOf(int conversation) => $"30090000{conversation:D5}";

    public void AddBuyerMessages(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var conversation = buyer.Count % orders;
            var token = $"b{buyer.Count:D4}";
            aliexpress.AddBuyerMessage(OrderOf(conversation), $"buyer{conversation}", $"Buyer {conversation}", $"Question {token}, please answer");
            buyer.Add((OrderOf(conversation), token));
        }
    }

    /// <summary>Staff answer in each conversation's topic (the one its latest buyer message arrived in).</summary>
    public async Task AddStaffRepliesAsync(int count, TimeSpan timeout)
    {
        for (var i = 0; i < count; i++)
        {
            var conversation = staff.Count % orders;
            var topic = await TopicOfAsync(conversation, timeout);
            var token = $"s{staff.Count:D4}";
            telegram.EnqueueMessage(Staff, StaffUser, "Sam", $"Answer {token}, thank you", threadId: topic);
            staff.Add((OrderOf(conversation), token));
        }
    }

    public async Task<int> TopicOfAsync(int conversation, TimeSpan timeout)
    {
        var tokens = buyer.Where(b => b.Conversation == OrderOf(conversation)).Select(b => b.Token).ToHashSet();
        var message = await Eventually.ValueAsync(
            () => telegram.SentTo(Staff).LastOrDefault(m => m.ThreadId is not null && Tokens(m.VisibleText).Any(tokens.Contains)), timeout);
        return message.ThreadId!.Value;
    }

    /// <summary>Buyer tokens as they arrived in the staff chat, duplicates included.</summary>
    public IReadOnlyList<string> BuyerArrivals() => telegram.SentTo(Staff).SelectMany(m => Tokens(m.VisibleText)).Where(t => t[0] == 'b').ToList();

    /// <summary>Staff tokens as they were posted to AliExpress, duplicates included.</summary>
    public IReadOnlyList<string> StaffArrivals() => aliexpress.Sent.SelectMany(m => Tokens(m.Content)).Where(t => t[0] == 's').ToList();

    public int Arrivals => BuyerArrivals().Count + StaffArrivals().Count;

    public DeliveryTally BuyerTally() => DeliveryTally.Count(buyer, BuyerArrivals());

    public DeliveryTally StaffTally() => DeliveryTally.Count(staff, StaffArrivals());

    public bool Complete => BuyerTally().AllArrived && StaffTally().AllArrived;

    /// <summary>Waits until every message arrived both ways; false when <paramref name="timeout"/> passed first.</summary>
    public async Task<bool> WaitCompleteAsync(TimeSpan timeout)
    {
        try
        {
            await Eventually.TrueAsync(() => Complete, timeout);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private static IEnumerable<string> Tokens(string? text) => TokenPattern().Matches(text ?? "").Select(m => m.Value);

    [GeneratedRegex(@"\b[bs]\d{4}\b")]
    private static partial Regex TokenPattern();
}
