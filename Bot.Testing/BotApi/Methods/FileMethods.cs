using Bot.Testing.BotApi.Json;

namespace Bot.Testing.BotApi.Methods;

/// <summary>getFile; the download itself is served by the endpoint under /file/bot{token}/.</summary>
internal sealed class FileMethods(FakeTelegramState state)
{
    private const long MaxDownloadBytes = 20 * 1024 * 1024;

    public void Register(BotApiRoutes routes) => routes.Add("getFile", GetFile);

    private object GetFile(BotApiRequest request)
    {
        var fileId = request.String("file_id");
        if (string.IsNullOrEmpty(fileId) || state.Files.Find(fileId) is not StoredFile file)
        {
            throw BotApiException.BadRequest("invalid file_id");
        }

        return file.Bytes.Length > MaxDownloadBytes
            ? throw BotApiException.BadRequest("file is too big")
            : new FileJson(file.FileId, file.FileUniqueId, file.Bytes.Length, file.FilePath);
    }
}
