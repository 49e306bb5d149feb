using Bot.Core.Sqlite;
using Bot.Core.Storage;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Storage;

/// <summary>Kept connections hand Dapper's parameters to SQLite under the names the statement writes, learned from its
/// text; a name the text does not settle is left as Dapper gave it, for the driver's own search.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class ParameterNamesTests
{
    [Theory]
    [InlineData("SELECT * FROM t WHERE id = @id", "id", "@id")]
    [InlineData("SELECT * FROM t WHERE id = $id", "id", "$id")]
    [InlineData("SELECT * FROM t WHERE id = :id", "id", ":id")]
    [InlineData("SELECT * FROM t WHERE id = @ids OR id = @id", "id", "@id")]
    [InlineData("SELECT * FROM t WHERE id = @id_2", "id", "id")]
    [InlineData("SELECT * FROM t WHERE id = @idx", "id", "id")]
    [InlineData("SELECT * FROM t WHERE id = @id OR id = :id", "id", "id")]
    [InlineData("SELECT * FROM t WHERE id = @id", "@id", "@id")]
    [InlineData("SELECT * FROM t WHERE id = @Id", "id", "id")]
    public void AsWritten_GivesTheNameAsTheTextWritesIt_OnlyWhenTheTextSettlesIt(string text, string name, string expected) =>
        Assert.Equal(expected, new ParameterNames(text).AsWritten(name));

    [Fact]
    public async Task KeptConnection_BindsEveryParameter_WhateverItsPrefix_AndAgainOnTheCachedStatement()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("names-").FullName, "bridge.db");
        using var factory = new SqliteConnectionFactory(Options.Create(new StorageOptions { ConnectionString = $"Data Source={path}" }));
        await using var connection = await factory.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync("CREATE TABLE t (a INTEGER, b TEXT, c INTEGER)");
        for (var i = 0; i < 3; i++)
        {
            await connection.ExecuteAsync("INSERT INTO t (a, b, c) VALUES (@a, $b, :c)", new { a = i, b = $"x{i}", c = i * 10 });
        }

        var rows = (await connection.QueryAsync<(long A, string B, long C)>("SELECT a, b, c FROM t WHERE a >= @a ORDER BY a", new { a = 1 })).ToList();
        Assert.Equal([(1L, "x1", 10L), (2L, "x2", 20L)], rows);
    }
}
