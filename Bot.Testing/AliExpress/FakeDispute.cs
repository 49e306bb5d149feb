namespace Bot.Testing.AliExpress;

/// <summary>A dispute (issue) of an order. <paramref name="Status"/>: processing, canceled_issue or finish.</summary>
public sealed record FakeDispute(long Id, string Status, string ReasonEnglish);
