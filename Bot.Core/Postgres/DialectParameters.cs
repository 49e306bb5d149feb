using System.Data;
using System.Globalization;
using Bot.Core.Sqlite;
using Npgsql;

namespace Bot.Core.Postgres;

/// <summary>Parameters in the form the SQLite storage gives them: booleans as 0 and 1, times as ISO 8601 text in UTC,
/// days as yyyy-MM-dd, so the same columns and comparisons serve both databases. PostgreSQL's text cannot hold the
/// NUL character (it refuses the whole statement, 22021), which SQLite stores: a NUL in text from a buyer, staff or a
/// marketplace payload is stored as U+FFFD instead, so the message is kept rather than refused on every retry.</summary>
internal static class DialectParameters
{
    private const char Unrepresentable = '\uFFFD';

    public static void StoreAsSqliteDoes(NpgsqlParameterCollection parameters)
    {
        foreach (NpgsqlParameter parameter in parameters)
        {
            switch (parameter.Value)
            {
                case bool flag:
                    parameter.DbType = DbType.Int64;
                    parameter.Value = flag ? 1L : 0L;
                    break;
                case DateTimeOffset time:
                    parameter.DbType = DbType.String;
                    parameter.Value = SqliteTypeHandlers.Format(time);
                    break;
                case DateTime time:
                    parameter.DbType = DbType.String;
                    parameter.Value = SqliteTypeHandlers.Format(new DateTimeOffset(DateTime.SpecifyKind(time, time.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : time.Kind)));
                    break;
                case string text when text.Contains('\0', StringComparison.Ordinal):
                    parameter.Value = text.Replace('\0', Unrepresentable);
                    break;
                case DateOnly day:
                    parameter.DbType = DbType.String;
                    parameter.Value = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    break;
            }
        }
    }
}
