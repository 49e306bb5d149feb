namespace Bot.Tests.Architecture;

/// <summary>Tarjan's algorithm over a small directed graph: the groups of nodes that all reach each other.</summary>
public sealed class CycleFinder(IReadOnlyDictionary<string, HashSet<string>> edges)
{
    private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> lowest = new(StringComparer.Ordinal);
    private readonly Stack<string> stack = new();
    private readonly HashSet<string> onStack = new(StringComparer.Ordinal);
    private readonly List<IReadOnlyList<string>> cycles = [];

    public IReadOnlyList<IReadOnlyList<string>> Find()
    {
        foreach (var node in edges.Keys.Order(StringComparer.Ordinal))
        {
            if (!index.ContainsKey(node))
            {
                Visit(node);
            }
        }

        return cycles;
    }

    private void Visit(string node)
    {
        index[node] = lowest[node] = index.Count;
        stack.Push(node);
        onStack.Add(node);
        foreach (var next in edges.GetValueOrDefault(node) ?? [])
        {
            if (!index.ContainsKey(next))
            {
                Visit(next);
                lowest[node] = Math.Min(lowest[node], lowest[next]);
            }
            else if (onStack.Contains(next) && index.TryGetValue(next, out var seen))
            {
                lowest[node] = Math.Min(lowest[node], seen);
            }
        }

        if (lowest[node] != index[node])
        {
            return;
        }

        var group = new List<string>();
        string member;
        do
        {
            member = stack.Pop();
            onStack.Remove(member);
            group.Add(member);
        }
        while (member != node);

        if (group.Count > 1)
        {
            group.Sort(StringComparer.Ordinal);
            cycles.Add(group);
        }
    }
}
