namespace Bot.Core.Drafts;

/// <summary>A draft request as stored when it was accepted (<paramref name="Id"/>), waiting to be written.</summary>
public sealed record PendingDraft(long Id, DraftRequest Request);
