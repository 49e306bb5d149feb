using Microsoft.Extensions.Options;

namespace Bot.Export;

/// <summary>With the PDF export on, its fonts must be there: else one sentence naming what to install or set. Only the
/// files are checked (<see cref="PdfFontFiles"/>); the fonts are loaded by the first PDF.</summary>
internal sealed class PdfOptionsValidator : IValidateOptions<PdfOptions>
{
    public ValidateOptionsResult Validate(string? name, PdfOptions options)
    {
        if (!options.Pdf)
        {
            return ValidateOptionsResult.Success;
        }

        var problem = PdfFontFiles.Problem(options.FontDirectory);
        return problem is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problem);
    }
}
