using Bot.Core.Export;
using Microsoft.Extensions.Options;

namespace Bot.Export;

internal static class ExportHostExtensions
{
    /// <summary>The PDF beside the core's HTML export, unless Export__Pdf=false. Its font files are checked at start (and
    /// loaded by the first PDF); without them the start fails with one sentence saying what to install.</summary>
    public static IServiceCollection AddPdfExport(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PdfOptions>().BindConfiguration(PdfOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PdfOptions>, PdfOptionsValidator>();
        if (configuration.GetValue($"{PdfOptions.Section}:{nameof(PdfOptions.Pdf)}", true))
        {
            services.AddSingleton<PdfFontsOnFirstUse>();
            services.AddSingleton<ITranscriptFormat>(sp => new TranscriptPdf(sp.GetRequiredService<PdfFontsOnFirstUse>().Get));
        }

        return services;
    }
}
