using System.Reflection;
using Bot.Testing.Postgres;
using Bot.Tests.Storage;
using Mono.Cecil;

namespace Bot.Tests.Architecture;

/// <summary>The suite runs twice in CI, the second time with <c>BRIDGE_TEST_DATABASE=postgres</c>, and that pass leaves
/// out the classes marked <c>[Trait("Database", "Fixed")]</c>: their database is the same in both passes, so running
/// them again proves nothing. A class may carry the mark only when that is true: it is a PostgreSQL variant (it names
/// its own PostgreSQL database), or nothing it runs reaches <see cref="PostgresServer.UnderTest"/>, the switch the
/// second pass flips (for example a class that starts the bridge only as a child process on its own SQLite file, or one
/// that starts no database at all).</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class DatabasePassTests
{
    public const string Trait = "Database";
    public const string Fixed = "Fixed";

    private static readonly Assembly Tests = typeof(DatabasePassTests).Assembly;

    // Read once for the tests that walk it: the tests' and the shared fakes' assemblies.
    private static readonly Lazy<CallGraph> Calls = new(() => CallGraph.Read([Tests.Location, typeof(PostgresServer).Assembly.Location]));

    [Fact]
    public void EveryClassLeftOutOfTheSecondPass_RunsOnTheSameDatabaseInBoth()
    {
        var calls = Calls.Value;
        var marked = Tests.GetTypes().Where(IsMarked).ToList();

        var wrong = marked
            .Where(t => !typeof(IPostgresVariant).IsAssignableFrom(t))
            .Select(t => (Type: t, Path: calls.PathTo(t.FullName!.Replace('+', '/'), SwitchName)))
            .Where(x => x.Path is not null)
            .Select(x => $"{x.Type.FullName}: {string.Join(" -> ", x.Path!)}")
            .ToList();

        Assert.Contains(marked, t => !typeof(IPostgresVariant).IsAssignableFrom(t)); // the check has something to check
        Assert.True(wrong.Count == 0, "Marked as running on the same database in both passes, but reaching the switch of the second:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void EveryPostgresVariant_IsLeftOutOfTheSecondPass()
    {
        var unmarked = Tests.GetTypes()
            .Where(t => typeof(IPostgresVariant).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false } && !IsMarked(t))
            .Select(t => t.FullName)
            .ToList();

        Assert.True(unmarked.Count == 0, "PostgreSQL variants without [Trait(\"Database\", \"Fixed\")]:\n" + string.Join("\n", unmarked));
    }

    [Fact]
    public void TheCallGraph_FindsTheSwitch_FromAClassThatFollowsIt()
    {
        var calls = Calls.Value;

        Assert.NotNull(calls.PathTo(typeof(EndToEnd.RelayEndToEndTests).FullName!, SwitchName));
    }

    private static string SwitchName => $"{typeof(PostgresServer).FullName}::get_{nameof(PostgresServer.UnderTest)}";

    private static bool IsMarked(Type type) =>
        type.GetCustomAttributesData().Any(a => a.AttributeType == typeof(TraitAttribute)
            && a.ConstructorArguments is [{ Value: Trait }, { Value: Fixed }]);

    /// <summary>Which methods each method of the given assemblies calls or takes the address of (lambdas, async state
    /// machines and local functions included), by name, so a path from a test class to one method can be found.</summary>
    private sealed class CallGraph
    {
        private readonly Dictionary<string, List<string>> calls = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<string>> methodsOfType = new(StringComparer.Ordinal);

        public static CallGraph Read(IEnumerable<string> assemblies)
        {
            var graph = new CallGraph();
            foreach (var path in assemblies)
            {
                using var assembly = AssemblyDefinition.ReadAssembly(path);
                foreach (var type in assembly.MainModule.GetTypes())
                {
                    graph.Add(type);
                }
            }

            return graph;
        }

        /// <summary>A chain of methods from the type (or a type nested in it) to <paramref name="target"/>, or null.</summary>
        public IReadOnlyList<string>? PathTo(string typeName, string target)
        {
            var from = new Dictionary<string, string?>(StringComparer.Ordinal);
            var queue = new Queue<string>();
            foreach (var (type, methods) in methodsOfType)
            {
                if (type == typeName || type.StartsWith(typeName + "/", StringComparison.Ordinal))
                {
                    foreach (var method in methods.Where(m => from.TryAdd(m, null)))
                    {
                        queue.Enqueue(method);
                    }
                }
            }

            while (queue.TryDequeue(out var method))
            {
                if (method == target)
                {
                    var path = new List<string>();
                    for (string? step = method; step is not null; step = from[step])
                    {
                        path.Insert(0, step);
                    }

                    return path;
                }

                foreach (var next in calls.GetValueOrDefault(method) ?? [])
                {
                    if (from.TryAdd(next, method))
                    {
                        queue.Enqueue(next);
                    }
                }
            }

            return null;
        }

        private static string NameOf(MethodReference method) => $"{method.DeclaringType.GetElementType().FullName}::{method.Name}";

        private static IEnumerable<TypeDefinition> Nested(TypeDefinition type) =>
            type.NestedTypes.SelectMany(n => Nested(n).Prepend(n));

        private void Add(TypeDefinition type)
        {
            var names = new List<string>();
            methodsOfType[type.FullName] = names;
            foreach (var method in type.Methods)
            {
                var name = NameOf(method);
                names.Add(name);
                if (!calls.TryGetValue(name, out var targets))
                {
                    calls[name] = targets = [];
                }

                if (method.HasBody)
                {
                    targets.AddRange(method.Body.Instructions.Where(i => i.Operand is MethodReference).Select(i => NameOf(((MethodReference)i.Operand).GetElementMethod())));
                }

                // Lambdas, local functions and async state machines run in types nested in this one, reached through
                // delegates and the builders' generic Start: count every method of every nested type as called.
                targets.AddRange(Nested(type).SelectMany(n => n.Methods).Select(NameOf));
            }
        }
    }
}
