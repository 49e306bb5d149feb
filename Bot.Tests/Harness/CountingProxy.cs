using System.Collections.Concurrent;
using System.Reflection;

namespace Bot.Tests.Harness;

/// <summary>Wraps a service so that its calls are counted by method name: how tests see how often a path reads the
/// store.</summary>
public static class CountingProxy
{
    public static T Wrap<T>(T inner, ConcurrentDictionary<string, int> calls)
        where T : class
    {
        var proxy = DispatchProxy.Create<T, CountingProxy<T>>();
        ((CountingProxy<T>)(object)proxy).Attach(inner, calls);
        return proxy;
    }
}

/// <summary>Stands in for a service of type <typeparamref name="T"/>, forwarding every call to the real one and
/// counting the calls by method name.</summary>
public class CountingProxy<T> : DispatchProxy
    where T : class
{
    private T inner = null!;
    private ConcurrentDictionary<string, int> calls = null!;

    internal void Attach(T service, ConcurrentDictionary<string, int> counts) => (inner, calls) = (service, counts);

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        calls.AddOrUpdate(targetMethod!.Name, 1, (_, n) => n + 1);
        try
        {
            return targetMethod.Invoke(inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }
}
