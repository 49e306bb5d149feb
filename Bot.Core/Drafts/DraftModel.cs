using Bot.Core.Translation.Providers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Core.Drafts;

/// <summary>Asks the configured OpenAI-compatible server for a draft. Every outcome is a <see cref="DraftAnswer"/>: the
/// draft, or one line saying why there is none (an error, a refusal, a timeout), never the request or the key.</summary>
public sealed partial class DraftModel(HttpClient http, IOptions<DraftOptions> options, ILogger<DraftModel> logger)
{
    private const string Provider = "Drafts";

    public async Task<DraftAnswer> AskAsync(IReadOnlyList<(string Role, string Content)> messages, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        try
        {
            var completion = await ChatCompletions.CompleteAsync(
                http, Provider, settings.CompletionsUri(), settings.ApiKey, settings.Model!, messages, 0.3, cancellationToken);
            if (!string.IsNullOrWhiteSpace(completion.Refusal) || completion.FinishReason == "content_filter")
            {
                LogRefused();
                return DraftAnswer.Failed("⚠️ No draft: the model declined to write one.");
            }

            return string.IsNullOrWhiteSpace(completion.Content)
                ? DraftAnswer.Failed("⚠️ No draft: the model's answer was empty.")
                : new DraftAnswer(completion.Content.Trim(), null);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogTimedOut(settings.Timeout.TotalSeconds);
            return DraftAnswer.Failed($"⚠️ No draft: the model did not answer within {settings.Timeout.TotalSeconds:0} s.");
        }
        catch (TranslatorException e)
        {
            LogFailed(e.Message);
            return DraftAnswer.Failed(e.StatusCode is { } status && status != System.Net.HttpStatusCode.OK
                ? $"⚠️ No draft: the model's server answered HTTP {(int)status}."
                : "⚠️ No draft: the model's answer could not be read.");
        }
        catch (HttpRequestException e)
        {
            LogFailed(Logging.Secrets.Redact(e.Message));
            return DraftAnswer.Failed("⚠️ No draft: the model's server could not be reached.");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Draft request failed: {Reason}")]
    private partial void LogFailed(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Draft request timed out after {Seconds} s")]
    private partial void LogTimedOut(double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "The draft model declined to draft a reply")]
    private partial void LogRefused();
}
