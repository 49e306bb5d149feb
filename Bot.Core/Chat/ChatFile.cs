namespace Bot.Core.Chat;

public sealed record ChatFile(byte[] Content, string FileName);
