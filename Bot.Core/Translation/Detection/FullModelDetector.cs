using System.Collections;
using System.Reflection;
using System.Runtime.Loader;
using Lingua;

namespace Bot.Core.Translation.Detection;

/// <summary>Lingua with its complete high-accuracy models (about 330 MB of heap for 16 languages), for the few short
/// texts the pruned models cannot tell. Lingua keeps loaded models in static fields per language, shared by every
/// detector of its assembly whatever its model directory, so the complete models live in a second copy of Lingua in
/// a collectible load context. Built on first use; the context is unloaded when <paramref name="idleTime"/> has passed
/// without use, and <see cref="ModelMemory.GiveBack"/> returns the memory to the system.</summary>
internal sealed class FullModelDetector(Language[] languages, TimeSpan idleTime, TimeProvider time) : IDisposable
{
    private readonly Lock gate = new();
    private Loaded? loaded;
    private ITimer? unloadTimer;

    public int Loads { get; private set; }

    public bool IsLoaded => Volatile.Read(ref loaded) is not null;

    public IReadOnlyList<KeyValuePair<Language, double>> Rank(string text)
    {
        Loaded current;
        lock (gate)
        {
            if (loaded is null)
            {
                loaded = Loaded.Build(languages);
                Loads++;
            }

            current = loaded;
            unloadTimer ??= time.CreateTimer(_ => Unload(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            unloadTimer.Change(idleTime, Timeout.InfiniteTimeSpan);
        }

        return current.Rank(text);
    }

    /// <summary>A call still running keeps the context alive until it returns.</summary>
    public void Unload()
    {
        lock (gate)
        {
            if (loaded is null)
            {
                return;
            }

            loaded.Context.Unload();
            loaded = null;
        }

        ModelMemory.GiveBack();
    }

    /// <summary>Drops the complete models with the detector: a collectible context stays loaded until unloaded.</summary>
    public void Dispose()
    {
        unloadTimer?.Dispose();
        Unload();
    }

    /// <summary>The second Lingua, reached by reflection (its types are not this assembly's Lingua types).</summary>
    private sealed class Loaded(AssemblyLoadContext context, object detector, MethodInfo compute)
    {
        public AssemblyLoadContext Context => context;

        public static Loaded Build(Language[] languages)
        {
            var context = new AssemblyLoadContext("lingua-complete-models", isCollectible: true);
            var lingua = context.LoadFromAssemblyPath(typeof(LanguageDetector).Assembly.Location);
            var languageType = lingua.GetType("Lingua.Language", throwOnError: true)!;
            var chosen = Array.CreateInstance(languageType, languages.Length);
            for (var i = 0; i < languages.Length; i++)
            {
                chosen.SetValue(Enum.Parse(languageType, languages[i].ToString()), i);
            }

            var builderType = lingua.GetType("Lingua.LanguageDetectorBuilder", throwOnError: true)!;
            var builder = builderType.GetMethod(nameof(LanguageDetectorBuilder.FromLanguages), [languageType.MakeArrayType()])!.Invoke(null, [chosen])!;
            var detector = builderType.GetMethod(nameof(LanguageDetectorBuilder.Build), Type.EmptyTypes)!.Invoke(builder, null)!;
            var compute = detector.GetType().GetMethod(nameof(LanguageDetector.ComputeLanguageConfidenceValues), [typeof(string)])!;
            return new Loaded(context, detector, compute);
        }

        /// <summary>The two likeliest languages, mapped back to this assembly's <see cref="Language"/> by name.</summary>
        public IReadOnlyList<KeyValuePair<Language, double>> Rank(string text)
        {
            var ranked = new List<KeyValuePair<Language, double>>(2);
            foreach (var entry in (IEnumerable)compute.Invoke(detector, [text])!)
            {
                var type = entry.GetType();
                var key = type.GetProperty("Key")!.GetValue(entry)!.ToString()!;
                var value = (double)type.GetProperty("Value")!.GetValue(entry)!;
                ranked.Add(new(Enum.Parse<Language>(key), value));
                if (ranked.Count == 2)
                {
                    break;
                }
            }

            return ranked;
        }
    }
}
