using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Bot.Core.Operations;

/// <summary>Reads <see cref="OperatorOptions"/> from section "Telegram". <c>OperatorIds</c> may be a JSON array in
/// appsettings or one string such as "111,222" (the usual shape of an environment variable).</summary>
internal sealed class OperatorOptionsSetup(IConfiguration configuration) : IConfigureOptions<OperatorOptions>
{
    private static readonly char[] Separators = [',', ';', ' ', '[', ']'];

    public void Configure(OperatorOptions options)
    {
        var section = configuration.GetSection("Telegram");
        var chatText = section["OperatorChatId"];
        if (!string.IsNullOrWhiteSpace(chatText))
        {
            if (long.TryParse(chatText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var chat))
            {
                options.OperatorChatId = chat == 0 ? null : chat;
            }
            else
            {
                options.InvalidOperatorId = chatText;
            }
        }

        var idsSection = section.GetSection("OperatorIds");
        var tokens = idsSection.Value is { } single
            ? single.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : idsSection.GetChildren().Select(c => c.Value ?? "").ToArray();
        var ids = new List<long>();
        foreach (var token in tokens)
        {
            if (long.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) && id > 0)
            {
                ids.Add(id);
            }
            else
            {
                options.InvalidOperatorId ??= token;
            }
        }

        options.OperatorIds = ids;
    }
}
