namespace Bot.Core.Operations;

/// <summary>What operators must do about the store's authorization.</summary>
/// <param name="Reason">A short stable word (<c>not-connected</c>, <c>ending</c>, <c>refused</c>, <c>ended</c>): each
/// reason is its own alert, so a new reason is told at once instead of at the next reminder.</param>
/// <param name="Text">One or two sentences with the link to authorize.</param>
public sealed record AuthorizationNotice(string Reason, string Text);
