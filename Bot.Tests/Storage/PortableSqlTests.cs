using System.Reflection;
using System.Text.RegularExpressions;
using Bot.Core.Sqlite;

namespace Bot.Tests.Storage;

/// <summary>Repository SQL is written once for SQLite and PostgreSQL: what only SQLite understands fails here, in the
/// default suite, rather than only where a test happens to run on PostgreSQL.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed partial class PortableSqlTests
{
    [Fact]
    public void RepositorySql_UsesNoRowidAndNoInsertOrReplace()
    {
        var statements = typeof(SqliteMessageRepository).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(SqliteMessageRepository).Namespace)
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string))
                .Select(f => (Where: $"{t.Name}.{f.Name}", Sql: (string)f.GetRawConstantValue()!)))
            .ToList();

        Assert.NotEmpty(statements);
        var offending = statements.Where(s => Rowid().IsMatch(s.Sql) || s.Sql.Contains("INSERT OR REPLACE", StringComparison.OrdinalIgnoreCase))
            .Select(s => s.Where).ToList();
        Assert.True(offending.Count == 0, $"SQL PostgreSQL cannot run (rowid, INSERT OR REPLACE) in: {string.Join(", ", offending)}");
    }

    /// <summary>rowid as a column, not the WITHOUT ROWID of a table definition.</summary>
    [GeneratedRegex(@"(?<!WITHOUT\s+)\browid\b", RegexOptions.IgnoreCase)]
    private static partial Regex Rowid();
}
