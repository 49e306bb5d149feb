using Bot.Core.Export;
using Microsoft.Extensions.Options;

namespace Bot.Export;

internal static class ExportHostExtensions
{
    /// <summary>The PDF beside the core's HTML export, unless Export__Pdf=false. Its fonts are found at start; without
    /// them the start fails with one sentence saying what to install.</summary>
    public static IServiceCollection AddPdfExport(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PdfOptions>().BindConfiguration(PdfOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PdfOptions>, PdfOptionsValidator>();
        if (configuration.GetValue($"{PdfOptions.Section}:{nameof(PdfOptions.Pdf)}", true))
        {
            services.AddSingleton(sp => PdfFonts.Load(sp.GetRequiredService<IOptions<PdfOptions>>().Value.FontDirectory).Fonts
                ?? throw new InvalidOperationException("The PDF export's fonts are missing."));
            services.AddSingleton<ITranscriptFormat, TranscriptPdf>();
        }

        return services;
    }
}
