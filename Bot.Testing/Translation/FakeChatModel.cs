using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Bot.Testing.Translation;

/// <summary>An OpenAI-compatible POST /v1/chat/completions for any chat use (drafted replies), on the same state as the
/// translation fakes: optional Bearer key, JSON model and non-empty messages of known roles. The request is recorded
/// whole (<see cref="FakeTranslationRequest.Body"/>; <see cref="FakeTranslationRequest.Text"/> is every message's
/// content joined), and the answer is <see cref="FakeTranslationApi.Transform"/> of the last message.</summary>
public static class FakeChatModel
{
    public static void MapFakeChatModel(this IEndpointRouteBuilder app, FakeTranslationApi api, string? apiKey, string model)
    {
        app.MapPost("/v1/chat/completions", async (HttpContext context) =>
        {
            var (before, authorization, body, messages) = await FakeChatRequest.ReadAsync(api, context, apiKey, model);
            api.Check(messages.Length > 0, "messages are missing");
            api.Check(messages.All(x => x.Role is "system" or "user" or "assistant" && x.Content is not null), "a message has an unknown role or no content");
            var text = string.Join("\n\n", messages.Select(x => x.Content));
            api.Check(text.Length <= api.MaxTextLength, $"messages have {text.Length} characters, over {api.MaxTextLength}");
            api.Requests.Enqueue(new FakeTranslationRequest(context.Request.Path, authorization, body, text, null, string.Empty));

            var problem = await FakeProviderResponses.PreflightAsync(api, before, new { error = new { message = "Rate limit reached", type = "requests" } }, context);
            if (problem is not null)
            {
                return problem;
            }

            var message = api.Mode == FakeMode.Refuse
                ? (object)new { role = "assistant", content = (string?)null, refusal = "I'm sorry, I can't help with that." }
                : new { role = "assistant", content = api.Transform(messages[^1].Content ?? string.Empty, string.Empty) };
            return Results.Json(new
            {
                id = "chatcmpl-1",
                @object = "chat.completion",
                model,
                choices = new[] { new { index = 0, message, finish_reason = "stop" } },
            });
        });
    }
}
