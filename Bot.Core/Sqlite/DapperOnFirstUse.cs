using System.Data;
using Dapper;

namespace Bot.Core.Sqlite;

/// <summary>Dapper's calls as this namespace makes them, each registering the stores' time handlers
/// (<see cref="SqliteTypeHandlers"/>) first, so that Dapper is loaded by the first statement that goes through it and
/// not at start. Dapper's static set-up maps XML types (System.Private.Xml, about 1.7 MiB of mapped files) and its row
/// readers bring System.Linq.Expressions (about 1.4 MiB); the statements a start and an idle poll run do not use Dapper
/// (<see cref="Statement"/> or plain commands), so an idle bridge never maps them. These extension methods have Dapper's
/// own signatures and live in the repositories' namespace, so C# binds a repository's <c>connection.QueryAsync</c> to
/// them before Dapper's (an enclosing namespace is searched before the <c>using</c> directives of the file);
/// <c>DapperCallsTests</c> checks that nothing in Bot.Core calls Dapper's methods around them.</summary>
internal static class DapperOnFirstUse
{
    public static Task<int> ExecuteAsync(this IDbConnection cnn, string sql, object? param = null, IDbTransaction? transaction = null, int? commandTimeout = null, CommandType? commandType = null)
    {
        Use(sql);
        return SqlMapper.ExecuteAsync(cnn, sql, param, transaction, commandTimeout, commandType);
    }

    public static Task<int> ExecuteAsync(this IDbConnection cnn, CommandDefinition command)
    {
        Use(command.CommandText);
        return SqlMapper.ExecuteAsync(cnn, command);
    }

    public static object? ExecuteScalar(this IDbConnection cnn, string sql, object? param = null, IDbTransaction? transaction = null, int? commandTimeout = null, CommandType? commandType = null)
    {
        Use(sql);
        return SqlMapper.ExecuteScalar(cnn, sql, param, transaction, commandTimeout, commandType);
    }

    public static T? ExecuteScalar<T>(this IDbConnection cnn, string sql, object? param = null, IDbTransaction? transaction = null, int? commandTimeout = null, CommandType? commandType = null)
    {
        Use(sql);
        return SqlMapper.ExecuteScalar<T>(cnn, sql, param, transaction, commandTimeout, commandType);
    }

    public static Task<object?> ExecuteScalarAsync(this IDbConnection cnn, string sql, object? param = null, IDbTransaction? transaction = null, int? commandTimeout = null, CommandType? commandType = null)
    {
        Use(sql);
        return SqlMapper.ExecuteScalarAsync(cnn, sql, param, transaction, commandTimeout, commandType);
    }

    public static Task<object?> ExecuteScalarAsync(this IDbConnection cnn, CommandDefinition command)
    {
        Use(command.CommandText);
        return SqlMapper.ExecuteScalarAsync(cnn, command);
    }

    public static Task<T?> ExecuteScalarAsync<T>(this IDbConnection cnn, string sql, object? param = null, IDbTransaction? transaction = null, int? commandTimeout = null, CommandType? commandType = null)
    {
        Use(sql);
        return SqlMapper.ExecuteScalarAsync<T>(cnn, sql, param, transaction, commandTimeout, commandType);
    }

    public static Task<T?> ExecuteScalarAsync<T>(this IDbConnection cnn, CommandDefinition command)
    {
        Use(command.CommandText);
        return SqlMapper.ExecuteScalarAsync<T>(cnn, command);
    }

    public static Task<IEnumerable<dynamic>> QueryAsync(this IDbConnection cnn, string sql, object? param = null, IDbTransaction? transaction = null, int? commandTimeout = null, CommandType? commandType = null)
    {
        Use(sql);
        return SqlMapper.QueryAsync(cnn, sql, param, transaction, commandTimeout, commandType);
    }

    public static Task<IEnumerable<dynamic>> QueryAsync(this IDbConnection cnn, CommandDefinition command)
    {
        Use(command.CommandText);
        return SqlMapper.QueryAsync(cnn, command);
    }

    public static Task<IEnumerable<T>> QueryAsync<T>(this IDbConnection cnn, string sql, object? param = null, IDbTransaction? transaction = null, int? commandTimeout = null, CommandType? commandType = null)
    {
        Use(sql);
        return SqlMapper.QueryAsync<T>(cnn, sql, param, transaction, commandTimeout, commandType);
    }

    public static Task<IEnumerable<T>> QueryAsync<T>(this IDbConnection cnn, CommandDefinition command)
    {
        Use(command.CommandText);
        return SqlMapper.QueryAsync<T>(cnn, command);
    }

    public static Task<T> QueryFirstAsync<T>(this IDbConnection cnn, string sql, object? param = null, IDbTransaction? transaction = null, int? commandTimeout = null, CommandType? commandType = null)
    {
        Use(sql);
        return SqlMapper.QueryFirstAsync<T>(cnn, sql, param, transaction, commandTimeout, commandType);
    }

    public static Task<T> QueryFirstAsync<T>(this IDbConnection cnn, CommandDefinition command)
    {
        Use(command.CommandText);
        return SqlMapper.QueryFirstAsync<T>(cnn, command);
    }

    public static Task<T?> QueryFirstOrDefaultAsync<T>(this IDbConnection cnn, string sql, object? param = null, IDbTransaction? transaction = null, int? commandTimeout = null, CommandType? commandType = null)
    {
        Use(sql);
        return SqlMapper.QueryFirstOrDefaultAsync<T>(cnn, sql, param, transaction, commandTimeout, commandType);
    }

    public static Task<T?> QueryFirstOrDefaultAsync<T>(this IDbConnection cnn, CommandDefinition command)
    {
        Use(command.CommandText);
        return SqlMapper.QueryFirstOrDefaultAsync<T>(cnn, command);
    }

    public static Task<T> QuerySingleAsync<T>(this IDbConnection cnn, string sql, object? param = null, IDbTransaction? transaction = null, int? commandTimeout = null, CommandType? commandType = null)
    {
        Use(sql);
        return SqlMapper.QuerySingleAsync<T>(cnn, sql, param, transaction, commandTimeout, commandType);
    }

    public static Task<T> QuerySingleAsync<T>(this IDbConnection cnn, CommandDefinition command)
    {
        Use(command.CommandText);
        return SqlMapper.QuerySingleAsync<T>(cnn, command);
    }

    public static Task<T?> QuerySingleOrDefaultAsync<T>(this IDbConnection cnn, string sql, object? param = null, IDbTransaction? transaction = null, int? commandTimeout = null, CommandType? commandType = null)
    {
        Use(sql);
        return SqlMapper.QuerySingleOrDefaultAsync<T>(cnn, sql, param, transaction, commandTimeout, commandType);
    }

    public static Task<T?> QuerySingleOrDefaultAsync<T>(this IDbConnection cnn, CommandDefinition command)
    {
        Use(command.CommandText);
        return SqlMapper.QuerySingleOrDefaultAsync<T>(cnn, command);
    }

    private static readonly AsyncLocal<List<string>?> Watched = new();

    /// <summary>From now on in this flow of calls (what it awaits and starts included), notes each statement that goes
    /// through Dapper: for tests that a path, such as the relay's, runs without it.</summary>
    public static List<string> Watch() => Watched.Value = [];

    private static void Use(string sql)
    {
        if (Watched.Value is { } watched)
        {
            lock (watched)
            {
                watched.Add(sql);
            }
        }

        SqliteTypeHandlers.Register();
    }

    /// <summary>Dapper's <c>AsList</c> without Dapper: the list a buffered query returned, or a copy.</summary>
    public static List<T> AsList<T>(this IEnumerable<T> source) => source as List<T> ?? source.ToList();
}
