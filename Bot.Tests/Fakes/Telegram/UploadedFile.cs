namespace Bot.Tests.Fakes.Telegram;

internal sealed record UploadedFile(string FileName, byte[] Bytes);
