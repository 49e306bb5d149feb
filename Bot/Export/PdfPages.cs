using SkiaSharp;

namespace Bot.Export;

/// <summary>A4 pages of one PDF document: a cursor that moves down and starts a new page (numbered in its footer) when
/// the next line does not fit.</summary>
internal sealed class PdfPages(SKDocument document, PdfText text, string footer) : IDisposable
{
    public const float Width = 595f;
    public const float Height = 842f;
    public const float Margin = 36f;
    public const float Content = Width - (2 * Margin);

    private int page;

    public SKCanvas Canvas { get; private set; } = null!;

    public float Y { get; set; }

    /// <summary>Makes room for a block of the given height: a new page when the rest of this one is too short.</summary>
    public void Need(float height)
    {
        if (page == 0 || Y + height > Height - Margin - 14)
        {
            NewPage();
        }
    }

    public void Line(string line, float x, float width, float size, SKColor color, bool bold = false)
    {
        Need(size * 1.4f);
        text.Draw(Canvas, line, x, Y + size, width, size, color, bold);
        Y += size * 1.4f;
    }

    public void Rule(SKColor color)
    {
        using var paint = new SKPaint { Color = color, StrokeWidth = 0.5f };
        Canvas.DrawLine(Margin, Y, Width - Margin, Y, paint);
    }

    public void Fill(float height, SKColor color)
    {
        using var paint = new SKPaint { Color = color };
        Canvas.DrawRect(Margin, Y, Content, height, paint);
    }

    public void Dispose()
    {
        if (page > 0)
        {
            document.EndPage();
        }
    }

    private void NewPage()
    {
        if (page > 0)
        {
            document.EndPage();
        }

        page++;
        Canvas = document.BeginPage(Width, Height);
        text.Draw(Canvas, $"{footer} · page {page}", Margin, Height - (Margin / 2), Content, 7.5f, SKColors.Gray);
        Y = Margin;
    }
}
