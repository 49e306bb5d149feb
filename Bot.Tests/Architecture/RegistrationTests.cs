using System.Reflection;
using Bot.Core.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Architecture;

/// <summary>Each folder's AddXyz registers only its own types, so that a module can be read, replaced or left out on
/// its own; the composition (AddBridgeCore, the host's BridgeApp) is where modules meet.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class RegistrationTests
{
    public static TheoryData<string> CoreRegistrations => new(CoreAddMethods().Select(m => $"{m.DeclaringType!.Name}.{m.Name}"));

    [Theory]
    [MemberData(nameof(CoreRegistrations))]
    public void CoreAddMethod_RegistersOnlyItsOwnFoldersTypes(string name)
    {
        var method = CoreAddMethods().Single(m => $"{m.DeclaringType!.Name}.{m.Name}" == name);
        var folder = FolderOf(method.DeclaringType!)!;

        var foreign = ForeignRegistrations(Register(method), folder);

        Assert.True(foreign.Count == 0, $"{name} registers types of other folders than {folder}:\n" + string.Join("\n", foreign));
    }

    [Fact]
    public void CoreAddMethods_AreFound_AndTheCheckSeesAForeignRegistration()
    {
        Assert.True(CoreAddMethods().Count >= 10, $"only {CoreAddMethods().Count} Add methods found in the core");

        var services = new ServiceCollection();
        services.AddSingleton<Bot.Core.Buyers.InviteCodes>();
        services.AddSingleton<IDeliveryHandler, Bot.Core.Staff.StaffPostHandler>();

        Assert.Equal(2, ForeignRegistrations(services, "Outbox").Count);
    }

    [Fact]
    public void HostTelegramModule_LeavesBuyersToTheComposition()
    {
        var addTelegram = typeof(Bot.BridgeApp).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Single(m => m.Name == "AddTelegram");

        var registered = Register(addTelegram).Select(d => d.ImplementationType ?? d.ServiceType).ToList();

        Assert.Contains(registered, t => t.Assembly == typeof(Bot.BridgeApp).Assembly);
        Assert.DoesNotContain(registered, t => t.Namespace?.StartsWith("Bot.Core.Buyers", StringComparison.Ordinal) == true);
    }

    private static List<MethodInfo> CoreAddMethods() => typeof(OutboxOptions).Assembly.GetTypes()
        .Where(t => t.IsAbstract && t.IsSealed && t.Name.EndsWith("ServiceCollectionExtensions", StringComparison.Ordinal)
            && t.Namespace != "Bot.Core")
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
        .Where(m => m.Name.StartsWith("Add", StringComparison.Ordinal) && !m.IsGenericMethodDefinition
            && m.GetParameters() is [{ ParameterType: var p }] && p == typeof(IServiceCollection))
        .ToList();

    private static ServiceCollection Register(MethodInfo add)
    {
        var services = new ServiceCollection();
        add.Invoke(null, [services]);
        return services;
    }

    /// <summary>Registrations that make another core folder's concrete type, or configure another folder's options.</summary>
    private static List<string> ForeignRegistrations(IServiceCollection services, string folder) => services
        .SelectMany(d => Made(d).Select(t => (Descriptor: d, Type: t)))
        .Where(x => FolderOf(x.Type) is { } other && other != folder)
        .Select(x => $"{x.Descriptor.ServiceType.Name} -> {x.Type.FullName}")
        .Distinct()
        .ToList();

    private static IEnumerable<Type> Made(ServiceDescriptor descriptor)
    {
        if ((descriptor.IsKeyedService ? descriptor.KeyedImplementationType : descriptor.ImplementationType) is { } implementation)
        {
            yield return implementation;
        }
        else if (descriptor.ServiceType is { IsInterface: false, IsAbstract: false } concrete && descriptor.ServiceType.Namespace?.StartsWith("Bot.Core", StringComparison.Ordinal) == true)
        {
            yield return concrete;
        }

        if (descriptor.ServiceType.IsGenericType && descriptor.ServiceType.Namespace?.StartsWith("Microsoft.Extensions.Options", StringComparison.Ordinal) == true)
        {
            foreach (var argument in descriptor.ServiceType.GetGenericArguments())
            {
                yield return argument;
            }
        }
    }

    /// <summary>The core folder of a type (<c>Staff</c> for Bot.Core.Staff.Commands.InviteCommand), or null outside the core.</summary>
    private static string? FolderOf(Type type) =>
        type.Namespace is { } ns && ns.StartsWith("Bot.Core.", StringComparison.Ordinal) ? ns.Split('.')[2] : null;
}
