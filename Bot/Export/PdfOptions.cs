namespace Bot.Export;

/// <summary>The PDF export (section "Export", beside the core's time zone).</summary>
internal sealed class PdfOptions
{
    public const string Section = "Export";

    /// <summary>Whether exports include a PDF beside the HTML page.</summary>
    public bool Pdf { get; set; } = true;

    /// <summary>Where the fonts are looked for (with its subfolders): Debian puts fonts-noto-core, fonts-noto-cjk and
    /// fonts-dejavu under /usr/share/fonts.</summary>
    public string FontDirectory { get; set; } = "/usr/share/fonts";
}
