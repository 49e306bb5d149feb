using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Bot.Tests.Architecture;

/// <summary>Which namespaces of an assembly use which, read from its IL: signatures, base types, attributes and
/// every type, method and field a method body touches. Compiler-generated types count for the type that owns them.</summary>
public sealed class NamespaceGraph
{
    private readonly Dictionary<string, HashSet<string>> edges = new(StringComparer.Ordinal);
    private readonly Dictionary<(string From, string To), string> reasons = [];
    private string currentType = "";

    private NamespaceGraph(string prefix) => Prefix = prefix;

    public string Prefix { get; }

    public IReadOnlyDictionary<string, HashSet<string>> Edges => edges;

    public static NamespaceGraph Read(string assemblyPath, string prefix)
    {
        var graph = new NamespaceGraph(prefix);
        using var assembly = AssemblyDefinition.ReadAssembly(assemblyPath);
        foreach (var type in assembly.MainModule.GetTypes())
        {
            var from = NamespaceOf(type);
            if (from.StartsWith(prefix, StringComparison.Ordinal))
            {
                graph.currentType = type.FullName;
                graph.AddType(from, type);
            }
        }

        return graph;
    }

    /// <summary>Sets of namespaces that reach each other (Tarjan's strongly connected components of size > 1).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles() => new CycleFinder(edges).Find();

    /// <summary>The same graph between folders: a namespace counts for its top folder under <see cref="Prefix"/>
    /// (<c>Bot.Core.Staff.Commands</c> is <c>Bot.Core.Staff</c>), so a folder may use its own sub-folders freely.</summary>
    public NamespaceGraph ByFolder()
    {
        var folders = new NamespaceGraph(Prefix);
        foreach (var (from, targets) in edges)
        {
            foreach (var to in targets)
            {
                folders.Add(FolderOf(from), FolderOf(to), reasons[(from, to)]);
            }
        }

        return folders;
    }

    private string FolderOf(string name)
    {
        var dot = name.IndexOf('.', Prefix.Length);
        return dot < 0 ? name : name[..dot];
    }

    private static string NamespaceOf(TypeReference type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type.Namespace;
    }

    private void AddType(string from, TypeDefinition type)
    {
        Use(from, type.BaseType);
        foreach (var face in type.Interfaces)
        {
            Use(from, face.InterfaceType);
        }

        UseAttributes(from, type);
        foreach (var field in type.Fields)
        {
            Use(from, field.FieldType);
            UseAttributes(from, field);
        }

        foreach (var property in type.Properties)
        {
            Use(from, property.PropertyType);
        }

        foreach (var method in type.Methods)
        {
            AddMethod(from, method);
        }
    }

    private void AddMethod(string from, MethodDefinition method)
    {
        Use(from, method.ReturnType);
        UseAttributes(from, method);
        foreach (var parameter in method.Parameters)
        {
            Use(from, parameter.ParameterType);
        }

        if (!method.HasBody)
        {
            return;
        }

        foreach (var variable in method.Body.Variables)
        {
            Use(from, variable.VariableType);
        }

        foreach (var instruction in method.Body.Instructions)
        {
            UseOperand(from, instruction);
        }
    }

    private void UseOperand(string from, Instruction instruction)
    {
        switch (instruction.Operand)
        {
            case TypeReference type:
                Use(from, type);
                break;
            case MethodReference called:
                Use(from, called.DeclaringType);
                Use(from, called.ReturnType);
                if (called is GenericInstanceMethod generic)
                {
                    foreach (var argument in generic.GenericArguments)
                    {
                        Use(from, argument);
                    }
                }

                break;
            case FieldReference field:
                Use(from, field.DeclaringType);
                Use(from, field.FieldType);
                break;
        }
    }

    private void UseAttributes(string from, ICustomAttributeProvider provider)
    {
        foreach (var attribute in provider.CustomAttributes)
        {
            Use(from, attribute.AttributeType);
        }
    }

    private void Use(string from, TypeReference? type)
    {
        switch (type)
        {
            case null:
                return;
            case GenericInstanceType generic:
                Use(from, generic.ElementType);
                foreach (var argument in generic.GenericArguments)
                {
                    Use(from, argument);
                }

                return;
            case TypeSpecification specification:
                Use(from, specification.ElementType);
                return;
            case GenericParameter:
                return;
        }

        var to = NamespaceOf(type);
        if (to.StartsWith(Prefix, StringComparison.Ordinal))
        {
            Add(from, to, $"{currentType} uses {type.FullName}");
        }
    }

    /// <summary>One use that makes the edge from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public string Reason(string from, string to) => reasons[(from, to)];

    /// <summary>Each cycle with, for every edge inside it, one use that makes the edge.</summary>
    public IReadOnlyList<string> DescribeCycles() => Cycles()
        .Select(cycle => string.Join("; ", cycle
            .SelectMany(from => edges[from].Where(cycle.Contains).Select(to => $"{from} -> {to} ({reasons[(from, to)]})"))))
        .ToList();

    private void Add(string from, string to, string reason)
    {
        if (from == to)
        {
            return;
        }

        if (!edges.TryGetValue(from, out var targets))
        {
            edges[from] = targets = new HashSet<string>(StringComparer.Ordinal);
        }

        if (targets.Add(to))
        {
            reasons[(from, to)] = reason;
        }
    }
}
