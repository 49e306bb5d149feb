namespace Bot.Core.Translation.Providers;

public sealed class YandexOptions
{
    /// <summary>A Yandex Cloud service-account API key (sent as <c>Authorization: Api-Key ...</c>).</summary>
    public string? ApiKey { get; set; }

    public string? FolderId { get; set; }

    public string Url { get; set; } = "https://translate.api.cloud.yandex.net";

    /// <summary>Translate API v2 allows at most 10,000 characters in all texts of one request.</summary>
    public int MaxChunkLength { get; set; } = 9_000;
}
