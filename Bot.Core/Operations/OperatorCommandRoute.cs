using Bot.Core.Chat;
using Bot.Core.Formatting;
using Bot.Core.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Core.Operations;

/// <summary>Operator commands: every message in the operator chat, and operator commands an operator sends the bot
/// privately. Only operators (Telegram__OperatorIds) may run them; anyone else in the operator chat gets a polite
/// refusal and nothing happens. Replies go straight through the gateway so they work while the relay is paused.</summary>
public sealed partial class OperatorCommandRoute(
    IEnumerable<IOperatorCommand> commands,
    IChatGateway chat,
    IOptions<OperatorOptions> options,
    ILogger<OperatorCommandRoute> logger) : IChatRoute
{
    internal const string Refusal = "Sorry, only the bridge's operators can use these commands.";

    private readonly IReadOnlyDictionary<string, IOperatorCommand> byName = commands.ToDictionary(c => c.Name);

    public int Order => 10;

    public bool Matches(IncomingChatMessage message) =>
        (options.Value.OperatorChatId is { } chatId && message.ChatId == chatId)
        || (message.ChatType == ChatType.Private && options.Value.IsOperator(message.FromUserId) && message.Command() is { } c && byName.ContainsKey(c.Name));

    public async Task HandleAsync(IncomingChatMessage message, CancellationToken cancellationToken)
    {
        if (!message.IsCommand || message.Command() is not { } parsed)
        {
            return; // Operators talking among themselves.
        }

        if (!options.Value.IsOperator(message.FromUserId))
        {
            LogRefused(message.FromUserId, parsed.Name, message.ChatId);
            await ReplyAsync(message, Html.Escape(Refusal), cancellationToken);
            return;
        }

        if (parsed.Name == OperatorHelp.Name && !byName.ContainsKey(parsed.Name))
        {
            LogCommand(message.FromUserId, parsed.Name, message.ChatId);
            await ReplyAsync(message, OperatorHelp.Text(byName.Values), cancellationToken);
            return;
        }

        if (!byName.TryGetValue(parsed.Name, out var command))
        {
            await ReplyAsync(message, $"Unknown command /{Html.Escape(parsed.Name)}. {OperatorHelp.Text(byName.Values)}", cancellationToken);
            return;
        }

        LogCommand(message.FromUserId, parsed.Name, message.ChatId);
        var reply = await command.RunAsync(message, parsed.Arguments, cancellationToken);
        await ReplyAsync(message, reply, cancellationToken);
    }

    private async Task ReplyAsync(IncomingChatMessage message, string html, CancellationToken cancellationToken)
    {
        try
        {
            var topic = message.IsTopicMessage ? message.TopicId : null;
            await chat.SendTextAsync(new ChatText(message.ChatId, topic, html, message.MessageId), cancellationToken);
        }
        catch (ChatDeliveryException e)
        {
            // The command has run; failing the update would run it again.
            LogReplyFailed(e, message.ChatId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Operator {UserId} ran /{Command} in chat {ChatId}")]
    private partial void LogCommand(long userId, string command, long chatId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "User {UserId} is not an operator: /{Command} in chat {ChatId} refused")]
    private partial void LogRefused(long userId, string command, long chatId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not answer a command in chat {ChatId}")]
    private partial void LogReplyFailed(Exception error, long chatId);
}
