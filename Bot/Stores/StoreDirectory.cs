namespace Bot.Stores;

/// <summary>Reads the stores' settings files: every <c>*.json</c> of the directory whose name (without the extension)
/// could be a store id; hidden files and editors' temporary files are not stores. A file that cannot be read at this
/// moment (being written) is reported as unreadable and read again at the next scan.</summary>
internal static class StoreDirectory
{
    public static StoreScan Read(string directory)
    {
        var files = new Dictionary<string, StoreFile>(StringComparer.Ordinal);
        var unreadable = new HashSet<string>(StringComparer.Ordinal);
        var ignored = new List<string>();
        if (!System.IO.Directory.Exists(directory))
        {
            return new StoreScan(files, unreadable, ignored, DirectoryMissing: true);
        }

        foreach (var path in System.IO.Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            var id = Path.GetFileNameWithoutExtension(path);
            if (name.StartsWith('.'))
            {
                continue;
            }

            if (!Bot.Core.Storage.StoreOptions.IsValid(id))
            {
                ignored.Add(name);
                continue;
            }

            try
            {
                files[id] = new StoreFile(id, path, File.ReadAllBytes(path));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                unreadable.Add(id);
            }
        }

        return new StoreScan(files, unreadable, ignored, DirectoryMissing: false);
    }
}

/// <summary>What one reading of the stores' directory found.</summary>
/// <param name="Files">The stores' files by store id.</param>
/// <param name="Unreadable">Stores whose file exists but could not be read this time: left as they are.</param>
/// <param name="Ignored">Files whose name is no store id (letters, digits, '-' and '_', at most 40).</param>
/// <param name="DirectoryMissing">The directory does not exist (no store runs).</param>
internal sealed record StoreScan(
    IReadOnlyDictionary<string, StoreFile> Files,
    IReadOnlySet<string> Unreadable,
    IReadOnlyList<string> Ignored,
    bool DirectoryMissing);
