using System.Text.Json;

namespace Bot.Testing.Translation;

/// <summary>One request a fake provider received, already validated.</summary>
public sealed record FakeTranslationRequest(string Path, string? Authorization, JsonElement Body, string Text, string? Source, string Target);
