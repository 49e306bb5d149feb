using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Bot.Startup;

/// <summary>Turns a failure to start that is not a setting's value (the port is taken, the database cannot be written)
/// into one sentence naming the cause and the setting that controls it.</summary>
internal static partial class StartupFailure
{
    public static string? Describe(Exception error, IConfiguration configuration)
    {
        var causes = Causes(error).ToList();
        if (causes.OfType<Bot.Core.Leases.StoreRefusedException>().FirstOrDefault() is { } refused)
        {
            return refused.Message;
        }

        if (causes.OfType<IOException>().FirstOrDefault(e => BindFailure().IsMatch(e.Message)) is { } bind)
        {
            var address = BindFailure().Match(bind.Message).Groups["address"].Value;
            return causes.Any(c => c is AddressInUseException)
                ? $"The bridge cannot listen on {address}: another program already uses that address. Stop it, or set Urls to a free address (for example http://127.0.0.1:8081)."
                : $"The bridge cannot listen on {address} ({Innermost(bind).Message.TrimEnd('.')}): set Urls to an address this user may listen on.";
        }

        if (causes.OfType<SqliteException>().FirstOrDefault() is { } sqlite)
        {
            return $"The database {DataSource(configuration)} cannot be opened for writing ({sqlite.Message.TrimEnd('.')}): make sure its directory exists and this user may write there, or set ConnectionStrings__Bridge to a writable file.";
        }

        if (causes.OfType<NpgsqlException>().FirstOrDefault() is { } postgres)
        {
            return $"The PostgreSQL database named by ConnectionStrings__Bridge cannot be used ({Innermost(postgres).Message.TrimEnd('.')}): check that the server runs and that the database, the user and the password are right.";
        }

        if (causes.OfType<UnauthorizedAccessException>().FirstOrDefault() is { } denied)
        {
            return $"The bridge was refused access to a file ({denied.Message.TrimEnd('.')}): check the permissions of the database directory (ConnectionStrings__Bridge) and of the working directory.";
        }

        if (causes.OfType<UriFormatException>().Any() || causes.Any(c => c.Message.Contains("Invalid url", StringComparison.OrdinalIgnoreCase)))
        {
            return $"Urls is not a list of listening addresses: set it to one or more URLs separated by ';', such as http://127.0.0.1:8080.";
        }

        return null;
    }

    /// <summary>An error that is neither a setting nor the environment: one line and exit code 1; its stack trace too
    /// when the log level is Debug (Logging__LogLevel__Default, from the environment if the configuration was not read).</summary>
    public static async Task<int> ReportUnexpectedAsync(Exception error, TextWriter output, IConfiguration? configuration = null)
    {
        var level = configuration?["Logging:LogLevel:Default"] ?? Environment.GetEnvironmentVariable("Logging__LogLevel__Default");
        var debug = string.Equals(level, "Debug", StringComparison.OrdinalIgnoreCase) || string.Equals(level, "Trace", StringComparison.OrdinalIgnoreCase);
        await output.WriteLineAsync($"Cannot start: unexpected error ({error.GetType().Name}: {error.Message.TrimEnd('.')}). "
            + (debug ? "Its stack trace follows; please report it." : "Set Logging__LogLevel__Default=Debug to see its stack trace, and please report it."));
        if (debug)
        {
            await output.WriteLineAsync(error.ToString());
        }

        return 1;
    }

    private static string DataSource(IConfiguration configuration)
    {
        try
        {
            var source = new SqliteConnectionStringBuilder(configuration.GetConnectionString("Bridge") ?? "").DataSource;
            return $"'{Path.GetFullPath(source)}'";
        }
        catch (ArgumentException)
        {
            return "named by ConnectionStrings__Bridge";
        }
    }

    private static IEnumerable<Exception> Causes(Exception error)
    {
        var pending = new Stack<Exception>([error]);
        while (pending.TryPop(out var current))
        {
            yield return current;
            if (current is AggregateException aggregate)
            {
                aggregate.InnerExceptions.ToList().ForEach(pending.Push);
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }

    private static Exception Innermost(Exception error) => error.InnerException is { } inner ? Innermost(inner) : error;

    [GeneratedRegex(@"Failed to bind to address (?<address>\S+?)[:.]?\s")]
    private static partial Regex BindFailure();
}
