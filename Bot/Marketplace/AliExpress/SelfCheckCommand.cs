using Bot.Core.Chat;
using Bot.Core.Formatting;
using Bot.Core.Operations;

namespace Bot.Marketplace.AliExpress;

/// <summary>/selfcheck: calls each AliExpress method the bridge needs once and says which ones the app may call.</summary>
internal sealed class SelfCheckCommand(AliExpressSelfCheck check) : IOperatorCommand
{
    public string Name => "selfcheck";

    public string Help => "/selfcheck: which AliExpress methods this app may call, and what to do about the others";

    public async Task<string> RunAsync(IncomingChatMessage message, string arguments, CancellationToken cancellationToken) =>
        Html.Escape((await check.RunAsync(cancellationToken)).Text());
}
