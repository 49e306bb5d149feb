using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;

namespace Bot.Core.Postgres;

/// <summary>A PostgreSQL connection string must be readable at start: one sentence that names the setting, never the
/// password.</summary>
internal sealed class PostgresStorageValidation : IValidateOptions<PostgresConnectionOptions>
{
    public ValidateOptionsResult Validate(string? name, PostgresConnectionOptions options)
    {
        if (!options.UsesPostgres)
        {
            return ValidateOptionsResult.Success;
        }

        if (!Storage.StorageOptions.IsSchemaName(options.Schema))
        {
            return ValidateOptionsResult.Fail("Set Storage__Schema to a PostgreSQL schema name: lower-case letters, digits and '_', not starting with a digit (unset, it is Store__Id in lower case with '-' as '_').");
        }

        return ValidateConnectionString(options.ConnectionString);
    }

    // Apart, and never inlined: on SQLite the method above returns before this one, so Npgsql, which reads the
    // string, is not loaded.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ValidateOptionsResult ValidateConnectionString(string connectionString)
    {
        try
        {
            var builder = PostgresConnectionString.Parse(connectionString);
            return string.IsNullOrWhiteSpace(builder.Host)
                ? ValidateOptionsResult.Fail("Set the server in ConnectionStrings__Bridge (Host=... or postgres://host/database).")
                : string.IsNullOrWhiteSpace(builder.Database)
                    ? ValidateOptionsResult.Fail("Set the database in ConnectionStrings__Bridge (Database=... or postgres://host/database).")
                    : ValidateOptionsResult.Success;
        }
        catch (ArgumentException e)
        {
            return ValidateOptionsResult.Fail(e.Message);
        }
    }
}
