namespace Bot.Testing.BotApi;

/// <summary>Files the bot can getFile and download: registered by the test or uploaded by the bot.</summary>
internal sealed class FileStore
{
    private readonly Dictionary<string, StoredFile> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoredFile> _byPath = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int _counter;

    public StoredFile Add(byte[] bytes, string folder, string extension, string? sourceUrl = null)
    {
        lock (_gate)
        {
            var n = ++_counter;
            var file = new StoredFile($"AgACAgFake{n:D6}", $"AQADFake{n:D6}", $"{folder}/file_{n}.{extension}", bytes, sourceUrl);
            _byId[file.FileId] = file;
            _byPath[file.FilePath] = file;
            return file;
        }
    }

    public StoredFile? Find(string fileId)
    {
        lock (_gate)
        {
            return _byId.GetValueOrDefault(fileId);
        }
    }

    public StoredFile? FindByPath(string path)
    {
        lock (_gate)
        {
            return _byPath.GetValueOrDefault(path);
        }
    }
}
