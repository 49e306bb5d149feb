namespace Bot.Testing.BotApi.Methods;

/// <summary>Text or caption after entity parsing, trimmed as Telegram does, with its length limit.</summary>
internal static class FormattedText
{
    public const int MaxTextLength = 4096;
    public const int MaxCaptionLength = 1024;

    /// <summary>
    /// The visible text. Length is measured in UTF-16 code units, as Telegram counts (an emoji outside the BMP is two).
    /// Markdown modes are accepted without validation.
    /// </summary>
    public static string Visible(string raw, string? parseMode, FakeTelegramOptions options)
    {
        if (string.IsNullOrEmpty(parseMode))
        {
            return raw.Trim();
        }

        if (string.Equals(parseMode, "HTML", StringComparison.OrdinalIgnoreCase))
        {
            var parsed = TelegramHtml.Parse(raw, options.RejectBareAmpersand);
            return parsed.PlainText?.Trim() ?? throw BotApiException.BadRequest(parsed.Error!);
        }

        return parseMode is "Markdown" or "MarkdownV2"
            ? raw.Trim()
            : throw BotApiException.BadRequest("unsupported parse_mode");
    }

    public static string MessageText(BotApiRequest request, FakeTelegramOptions options)
    {
        var visible = Visible(request.String("text") ?? string.Empty, request.String("parse_mode"), options);
        if (visible.Length == 0)
        {
            throw BotApiException.BadRequest("message text is empty");
        }

        return visible.Length > MaxTextLength ? throw BotApiException.BadRequest("message is too long") : visible;
    }

    public static string Caption(BotApiRequest request, FakeTelegramOptions options)
    {
        var visible = Visible(request.String("caption") ?? string.Empty, request.String("parse_mode"), options);
        return visible.Length > MaxCaptionLength ? throw BotApiException.BadRequest("message caption is too long") : visible;
    }
}
