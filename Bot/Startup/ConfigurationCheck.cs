using System.Runtime.ExceptionServices;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Bot.Startup;

/// <summary>Runs every start-up validator and turns each unusable setting into one sentence naming it. A value the
/// configuration binder cannot convert (<c>PollInterval=abc</c>) hides the other problems of its section, so it is
/// reported, then read as absent, and the validators run again until every problem is known.</summary>
internal static partial class ConfigurationCheck
{
    private const int MaxRounds = 50;

    public static IReadOnlyList<string> Problems(IServiceProvider services, IConfiguration configuration)
    {
        var unreadable = new List<UnreadableSetting>();
        for (var round = 0; ; round++)
        {
            services.GetService<OptionsTypes>()?.ClearCaches(services);
            var errors = Errors(services);
            var failures = errors.OfType<OptionsValidationException>().SelectMany(e => e.Failures).ToList();
            var fresh = errors.OfType<InvalidOperationException>().Select(UnreadableSetting.From).OfType<UnreadableSetting>()
                .Where(s => !unreadable.Any(u => u.Path == s.Path)).DistinctBy(s => s.Path).ToList();
            if (errors.FirstOrDefault(e => e is not OptionsValidationException && UnreadableSetting.From(e) is null) is { } unexpected)
            {
                ExceptionDispatchInfo.Throw(unexpected);
            }

            if (fresh.Count == 0 || round == MaxRounds)
            {
                return Sentences(unreadable, failures);
            }

            unreadable.AddRange(fresh);
            // Read as absent from now on, so that the other settings are still checked. A new source, not a changed
            // value: adding one signals a change, which drops the options that failed from their caches.
            // The options that listen for changes are rebuilt at once; their failures are collected by the next round.
            try
            {
                ((IConfigurationBuilder)configuration).AddInMemoryCollection(fresh.Select(s => new KeyValuePair<string, string?>(s.Path, null)));
            }
            catch (AggregateException)
            {
            }
        }
    }

    private static List<Exception> Errors(IServiceProvider services)
    {
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
            return [];
        }
        catch (AggregateException e)
        {
            return e.Flatten().InnerExceptions.ToList();
        }
        catch (Exception e) when (e is OptionsValidationException || e is InvalidOperationException)
        {
            return [e];
        }
    }

    private static List<string> Sentences(List<UnreadableSetting> unreadable, IEnumerable<string> failures)
    {
        var sentences = unreadable.Select(u => u.Sentence).ToList();
        // A setting reported as unreadable is not reported again as missing.
        sentences.AddRange(failures.Where(f => !unreadable.Any(u => f.Contains(u.Key, StringComparison.Ordinal))));
        // Two validators may say the same about one setting (Telegram's and the relay's about the staff chat): one sentence
        // per setting, the first.
        return sentences.DistinctBy(s => SettingName().Match(s) is { Success: true } m ? m.Value : s).ToList();
    }

    [GeneratedRegex(@"\b[A-Z][A-Za-z]*(__[A-Za-z0-9]+)+")]
    private static partial Regex SettingName();
}
