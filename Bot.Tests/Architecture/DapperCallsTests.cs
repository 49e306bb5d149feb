using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Bot.Tests.Architecture;

/// <summary>Dapper is loaded by the first statement that goes through it, not at start (<c>DapperOnFirstUse</c>): its
/// static set-up maps System.Private.Xml, so an idle bridge that never runs a Dapper statement never maps it. That holds
/// only while every Dapper call in Bot.Core goes through <c>DapperOnFirstUse</c>, which registers the time handlers
/// first; a call bound to Dapper's own <c>SqlMapper</c> (a method <c>DapperOnFirstUse</c> lacks) would run without them
/// when it is the first. This reads the IL of every method of Bot.Core for calls to <c>Dapper.SqlMapper</c>.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class DapperCallsTests
{
    // The two classes that call Dapper itself: the wrapper, and the registration of the handlers.
    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal) { "Bot.Core.Sqlite.DapperOnFirstUse", "Bot.Core.Sqlite.SqliteTypeHandlers" };

    [Fact]
    public void BotCore_CallsDapperOnlyThroughTheWrapperThatRegistersTheHandlersFirst()
    {
        var calls = SqlMapperCalls(typeof(Bot.Core.Storage.DbSession).Assembly.Location);

        Assert.Contains(calls, c => c.Owner == "Bot.Core.Sqlite.DapperOnFirstUse"); // the scan sees calls
        var offenders = calls.Where(c => !Allowed.Contains(c.Owner)).Select(c => c.Call).ToList();
        Assert.True(offenders.Count == 0, "Calls to Dapper.SqlMapper outside DapperOnFirstUse (add the overload there):\n" + string.Join("\n", offenders));
    }

    /// <summary>Every call, function pointer or delegate made of a member of Dapper.SqlMapper: the outermost type it is
    /// made in (a lambda's or an async method's state machine counts as its declaring type's) and
    /// "Type.Method -> SqlMapper.Member".</summary>
    private static List<(string Owner, string Call)> SqlMapperCalls(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var calls = new List<(string, string)>();
        foreach (var typeHandle in metadata.TypeDefinitions)
        {
            var type = metadata.GetTypeDefinition(typeHandle);
            var owner = OutermostName(metadata, type);
            foreach (var methodHandle in type.GetMethods())
            {
                var method = metadata.GetMethodDefinition(methodHandle);
                if (method.RelativeVirtualAddress == 0)
                {
                    continue;
                }

                var il = pe.GetMethodBody(method.RelativeVirtualAddress).GetILBytes() ?? [];
                foreach (var target in CalledTokens(il))
                {
                    if (SqlMapperMember(metadata, target) is { } member)
                    {
                        calls.Add((owner, $"{metadata.GetString(type.Name)}.{metadata.GetString(method.Name)} in {owner} -> SqlMapper.{member}"));
                    }
                }
            }
        }

        return calls;
    }

    /// <summary>The metadata tokens after call, callvirt, newobj, ldftn and ldvirtftn, read at every byte offset (not
    /// only at instruction starts: a token that is not an instruction's operand would only add a call that is not
    /// there, never hide one).</summary>
    private static IEnumerable<EntityHandle> CalledTokens(byte[] il)
    {
        for (var i = 0; i < il.Length - 4; i++)
        {
            var operand = il[i] switch
            {
                0x28 or 0x6F or 0x73 => i + 1,
                0xFE when i + 5 < il.Length && il[i + 1] is 0x06 or 0x07 => i + 2,
                _ => -1,
            };
            if (operand < 0 || operand + 4 > il.Length)
            {
                continue;
            }

            var token = BitConverter.ToInt32(il, operand);
            var table = token >>> 24;
            if (table is 0x0A or 0x2B && (token & 0xFFFFFF) != 0)
            {
                yield return MetadataTokens.EntityHandle(token);
            }
        }
    }

    private static string? SqlMapperMember(MetadataReader metadata, EntityHandle handle)
    {
        if (handle.Kind == HandleKind.MethodSpecification)
        {
            if (MetadataTokens.GetRowNumber(handle) > metadata.GetTableRowCount(TableIndex.MethodSpec))
            {
                return null;
            }

            var spec = metadata.GetMethodSpecification((MethodSpecificationHandle)handle);
            return SqlMapperMember(metadata, spec.Method);
        }

        if (handle.Kind != HandleKind.MemberReference || MetadataTokens.GetRowNumber(handle) > metadata.GetTableRowCount(TableIndex.MemberRef))
        {
            return null;
        }

        var member = metadata.GetMemberReference((MemberReferenceHandle)handle);
        if (member.Parent.Kind != HandleKind.TypeReference)
        {
            return null;
        }

        var parent = metadata.GetTypeReference((TypeReferenceHandle)member.Parent);
        return metadata.GetString(parent.Namespace) == "Dapper" && metadata.GetString(parent.Name) == "SqlMapper" ? metadata.GetString(member.Name) : null;
    }

    private static string OutermostName(MetadataReader metadata, TypeDefinition type)
    {
        while (type.GetDeclaringType() is { IsNil: false } declaring)
        {
            type = metadata.GetTypeDefinition(declaring);
        }

        return $"{metadata.GetString(type.Namespace)}.{metadata.GetString(type.Name)}";
    }
}
