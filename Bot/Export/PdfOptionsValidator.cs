using Microsoft.Extensions.Options;

namespace Bot.Export;

/// <summary>With the PDF export on, its fonts must be there: else one sentence naming what to install or set.</summary>
internal sealed class PdfOptionsValidator : IValidateOptions<PdfOptions>
{
    public ValidateOptionsResult Validate(string? name, PdfOptions options)
    {
        if (!options.Pdf)
        {
            return ValidateOptionsResult.Success;
        }

        var (fonts, problem) = PdfFonts.Load(options.FontDirectory);
        fonts?.Dispose();
        return problem is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problem);
    }
}
