using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bot.Core.Export;

public static class ExportServiceCollectionExtensions
{
    /// <summary>Transcript exports: the reader, the HTML format and the sender. The host adds more formats (PDF) as
    /// <see cref="ITranscriptFormat"/>s.</summary>
    public static IServiceCollection AddExport(this IServiceCollection services)
    {
        services.AddOptions<ExportOptions>().BindConfiguration(ExportOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ExportOptions>, ExportOptionsValidator>());
        services.AddSingleton<TranscriptReader>();
        services.AddSingleton<TranscriptExport>();
        services.AddSingleton<ITranscriptFormat, TranscriptHtml>();
        return services;
    }
}
