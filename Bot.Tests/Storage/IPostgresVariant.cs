namespace Bot.Tests.Storage;

/// <summary>Marks the PostgreSQL variant of a storage test class, whose <see cref="DbFactAttribute"/> and
/// <see cref="DbTheoryAttribute"/> tests skip where PostgreSQL is not installed (never under CI=true).</summary>
public interface IPostgresVariant;
