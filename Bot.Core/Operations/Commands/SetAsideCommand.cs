using System.Globalization;
using System.Text;
using Bot.Core.Chat;
using Bot.Core.Formatting;
using Bot.Core.MarketplaceRelay;

namespace Bot.Core.Operations.Commands;

/// <summary>/setaside: the latest marketplace items that could not be read, with why and what the marketplace sent.</summary>
public sealed class SetAsideCommand(ISetAsideRepository store) : IOperatorCommand
{
    private const int Shown = 5;
    private const int RawShown = 150;
    private const int IdShown = 40;

    public string Name => "setaside";

    public string Help => "/setaside: malformed marketplace items kept aside";

    public async Task<string> RunAsync(IncomingChatMessage message, string arguments, CancellationToken cancellationToken)
    {
        var items = await store.ListAsync(Shown, cancellationToken);
        if (items.Count == 0)
        {
            return "No malformed marketplace items. 🎉";
        }

        var text = new StringBuilder($"🧪 <b>Set aside</b> (latest {items.Count}):\n");
        foreach (var item in items)
        {
            var raw = Cut(item.Raw, RawShown);
            var first = item.FirstSeenAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
            text.Append($"#{item.Id} conversation {Html.Escape(Cut(item.ConversationId, IdShown))}, item {Html.Escape(Cut(item.ItemId, IdShown))}, since {first}: ")
                .Append($"{Html.Escape(Cut(item.Reason, RawShown))}\n<code>{Html.Escape(raw)}</code>\n");
        }

        text.Append("They are not relayed; check them in the seller center.");
        return text.ToString();
    }

    /// <summary>At most <paramref name="length"/> characters, never ending inside a surrogate pair.</summary>
    private static string Cut(string text, int length)
    {
        if (text.Length <= length)
        {
            return text;
        }

        var end = char.IsHighSurrogate(text[length - 1]) ? length - 1 : length;
        return text[..end] + "…";
    }
}
