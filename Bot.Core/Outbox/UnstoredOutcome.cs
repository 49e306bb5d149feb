namespace Bot.Core.Outbox;

/// <summary>An attempt whose outcome is known only in memory (see <see cref="UnstoredOutcomes"/>).</summary>
/// <param name="Delivered">True: the other side accepted it, only its completion is missing. False: it failed (or may
/// have been sent before a write in the handler failed), and that failure is not stored.</param>
/// <param name="Error">What went wrong with the attempt itself, to store once the database takes writes again.</param>
/// <param name="Tries">Failed writes so far, for the back-off.</param>
internal sealed record UnstoredOutcome(bool Delivered, string Error, int Tries, DateTimeOffset NotBefore);
