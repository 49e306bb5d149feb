namespace Bot.Core.Export;

/// <summary>One file format of an export (HTML here; PDF in the host, which has the native libraries).</summary>
public interface ITranscriptFormat
{
    /// <summary>The file name extension, without the dot: "html", "pdf".</summary>
    string Extension { get; }

    /// <summary>The media type an HTTP answer gives the file.</summary>
    string MediaType { get; }

    /// <summary>Orders the files of one export (HTML first).</summary>
    int Order { get; }

    byte[] Render(Transcript transcript);
}
