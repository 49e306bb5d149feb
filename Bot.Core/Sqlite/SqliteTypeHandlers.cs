using System.Data;
using System.Globalization;
using Dapper;

namespace Bot.Core.Sqlite;

/// <summary>SQLite has no date type: times are stored as ISO 8601 text in UTC, which sorts correctly.</summary>
internal static class SqliteTypeHandlers
{
    private static readonly Lock Gate = new();
    private static volatile bool registered;

    /// <summary>Called before every Dapper call (<see cref="DapperOnFirstUse"/>): once registered, one read. A caller that
    /// comes while another registers waits for it, so no statement runs before the handlers are in place.</summary>
    public static void Register()
    {
        if (registered)
        {
            return;
        }

        lock (Gate)
        {
            if (registered)
            {
                return;
            }

            SqlMapper.AddTypeHandler(new DateTimeOffsetHandler());
            SqlMapper.AddTypeHandler(new NullableDateTimeOffsetHandler());
            registered = true;
        }
    }

    public static string Format(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(object value) => value switch
    {
        string s => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
        DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
        long ms => DateTimeOffset.FromUnixTimeMilliseconds(ms),
        _ => throw new DataException($"Cannot read a time from {value.GetType().Name}."),
    };

    private sealed class DateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override DateTimeOffset Parse(object value) => SqliteTypeHandlers.Parse(value);

        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
        {
            parameter.DbType = DbType.String;
            parameter.Value = Format(value);
        }
    }

    private sealed class NullableDateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset?>
    {
        public override DateTimeOffset? Parse(object value) => value is null or DBNull ? null : SqliteTypeHandlers.Parse(value);

        public override void SetValue(IDbDataParameter parameter, DateTimeOffset? value)
        {
            parameter.DbType = DbType.String;
            parameter.Value = value is { } v ? Format(v) : DBNull.Value;
        }
    }
}
