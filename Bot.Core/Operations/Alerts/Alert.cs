namespace Bot.Core.Operations.Alerts;

/// <summary>A condition that needs an operator, as found by <see cref="AlertRules"/>.</summary>
/// <param name="Key">Stable identity: the same problem keeps its key while it lasts.</param>
/// <param name="Text">Plain text (not HTML), already free of secrets.</param>
public sealed record Alert(string Key, string Title, string Text);
