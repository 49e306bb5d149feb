using SkiaSharp;

namespace Bot.Export;

/// <summary>A piece of a line drawn with one typeface.</summary>
internal sealed record PdfRun(string Text, SKTypeface Typeface);
