namespace Bot.Core.Operations;

/// <summary>The operator commands, one line each: the answer to /help in the operator chat, and to a command it does
/// not know.</summary>
public static class OperatorHelp
{
    public const string Name = "help";

    public static string Text(IEnumerable<IOperatorCommand> commands) =>
        "<b>Operator commands</b>\n" + string.Join("\n", commands.Select(c => c.Help).Append("/help: this list"));
}
