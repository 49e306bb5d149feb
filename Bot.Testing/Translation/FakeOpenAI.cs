using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Bot.Testing.Translation;

/// <summary>An OpenAI-compatible POST /v1/chat/completions: optional Bearer key, JSON model and messages
/// (a system prompt, then the user's text); answers choices[0].message.content.</summary>
public static class FakeOpenAI
{
    public static void MapFakeOpenAI(this IEndpointRouteBuilder app, FakeTranslationApi api, string? apiKey, string model)
    {
        app.MapPost("/v1/chat/completions", async (HttpContext context) =>
        {
            var request = await FakeChatRequest.ReadAsync(api, context, apiKey, model);
            var (before, authorization, body) = (request.ProblemsBefore, request.Authorization, request.Body);
            var messages = request.Messages.Select(x => (x.Role, Content: x.Content ?? string.Empty)).ToArray();
            api.Check(messages is [("system", _), ("user", _)], "messages are not [system, user]");
            var system = messages.FirstOrDefault().Content ?? string.Empty;
            var text = messages.Length > 1 ? messages[1].Content : string.Empty;
            api.Check(system.Contains("⟦n⟧", StringComparison.Ordinal) && system.Contains("translation only", StringComparison.Ordinal), "system prompt does not protect placeholders");
            var target = Regex.Match(system, "ISO 639-1 code '([^']+)'").Groups[1].Value;
            api.Check(target.Length > 0, "system prompt does not name the target language");
            api.Check(text.Length <= api.MaxTextLength, $"message has {text.Length} characters, over {api.MaxTextLength}");
            api.Requests.Enqueue(new FakeTranslationRequest(context.Request.Path, authorization, body, text, null, target));

            return await FakeProviderResponses.PreflightAsync(api, before, new { error = new { message = "Rate limit reached", type = "requests" } }, context)
                ?? Results.Json(new
                {
                    id = "chatcmpl-1",
                    @object = "chat.completion",
                    model,
                    choices = new[] { new { index = 0, message = new { role = "assistant", content = api.Transform(text, target) }, finish_reason = "stop" } },
                });
        });
    }
}
