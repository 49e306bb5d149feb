namespace Bot.Marketplace.AliExpress;

/// <summary>A file sent with an IOP call (e.g. <c>file_data</c> of <c>uploadtempimage</c>).</summary>
internal sealed record IopFile(string Field, string FileName, byte[] Data)
{
    public MultipartFormDataContent Multipart(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        content.Add(new ByteArrayContent(Data), Field, FileName);
        return content;
    }
}
