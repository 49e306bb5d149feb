namespace Bot.Testing.BotApi;

internal sealed record UploadedFile(string FileName, byte[] Bytes);
