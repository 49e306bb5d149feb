namespace Bot.TelegramApi;

/// <summary>The name under which a store of a process of several stores holds its bot in <see cref="Bot.Core.Leases.IBotRegistry"/>:
/// the stores of the process that share the bot (<c>shop-a+shop-b</c>, or the store's own id while it is alone on it),
/// and the process's instance, the same for all of them, so that they hold the bot together and no other process may.
/// A one-store process has none: it holds its bot as its store, with its own instance.</summary>
internal sealed class BotHolder(Func<string> holder, string instance)
{
    /// <summary>The prefix of a process's instance in the registry: claims under it are those of one process.</summary>
    public const string ProcessPrefix = "process:";

    public string Holder => holder();

    public string Instance { get; } = instance.StartsWith(ProcessPrefix, StringComparison.Ordinal) ? instance : ProcessPrefix + instance;
}
