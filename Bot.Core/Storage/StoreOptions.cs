using System.Text.RegularExpressions;

namespace Bot.Core.Storage;

/// <summary>The store this process serves (<c>Store__Id</c>): its metrics carry it as a label, its log lines and
/// status name it, and on PostgreSQL its tables live in the schema named after it unless <c>Storage__Schema</c> says
/// otherwise (<see cref="StorageOptions.Schema"/>). The default, <c>default</c>, changes nothing of a one-store
/// deployment.</summary>
public sealed partial class StoreOptions
{
    public const string DefaultId = "default";

    public string Id { get; set; } = DefaultId;

    /// <summary>Whether an operator named the store (anything but <see cref="DefaultId"/>).</summary>
    public bool IsNamed => !string.Equals(Id, DefaultId, StringComparison.Ordinal);

    public static bool IsValid(string id) => ValidId().IsMatch(id);

    /// <summary>The PostgreSQL schema a named store's tables go to when <c>Storage__Schema</c> is not set: the id in
    /// lower case with '-' as '_' (<c>Shop-A</c> → <c>shop_a</c>); empty (the connection's default) for the default store.</summary>
    public static string SchemaOf(string? id) =>
        string.IsNullOrEmpty(id) || id == DefaultId ? "" : id.ToLowerInvariant().Replace('-', '_');

    [GeneratedRegex("^[A-Za-z0-9_-]{1,40}$")]
    private static partial Regex ValidId();
}
