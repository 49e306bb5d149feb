using System.Data;
using System.Data.Common;

namespace Bot.Core.Storage;

/// <summary>A connection that hands what describes it to the driver's connection it wraps; the wrapper decides how
/// commands, transactions, opening and closing behave.</summary>
public abstract class WrappedConnection<TInner>(TInner inner) : DbConnection
    where TInner : DbConnection
{
    public TInner Inner { get; } = inner;

#pragma warning disable CS8765 // the base property is declared [AllowNull]; so is the inner one
    public override string ConnectionString
    {
        get => Inner.ConnectionString;
        set => Inner.ConnectionString = value;
    }
#pragma warning restore CS8765

    public override string Database => Inner.Database;

    public override string DataSource => Inner.DataSource;

    public override string ServerVersion => Inner.ServerVersion;

    public override ConnectionState State => Inner.State;

    public override void ChangeDatabase(string databaseName) => Inner.ChangeDatabase(databaseName);
}
