using Bot.Core.Marketplace;
using Microsoft.Extensions.Options;

namespace Bot.Marketplace.AliExpress;

/// <summary>Marks a conversation read (<c>Marketplace__AliExpress__MarkReadAfterRelay</c>) and processed after a staff
/// reply, with the versiontwo family's calls; the IM family has neither, so nothing is done there.</summary>
internal sealed class AliExpressConversationMarks(
    IopClient iop, IOptions<AliExpressOptions> options, AliExpressMessageFamily family, ILogger<AliExpressConversationMarks> logger)
{
    /// <summary>Whether marking read calls anything now: the setting is on and the store uses the versiontwo family (the
    /// IM family has no read API, reference 3.10).</summary>
    public bool MarksRead => options.Value.MarkReadAfterRelay && !family.IsIm;

    /// <summary>Whether marking processed calls anything now: the IM family has no equivalent.</summary>
    public bool MarksProcessed => !family.IsIm;

    public async Task MarkReadAsync(string conversationId, CancellationToken cancellationToken)
    {
        // A refusal here never switches families: only listing and posting decide which family the store can use.
        if (!MarksRead)
        {
            return;
        }

        await iop.CallAsync(AliExpressMethods.MarkRead,
            new Dictionary<string, string> { ["channel_id"] = conversationId }, retryable: true, cancellationToken);
    }

    /// <summary><c>updatemsgprocessed</c> with <c>deal_stat=1</c>: the seller center shows the conversation handled.
    /// A refusal (no permission, unknown channel) is logged and not retried: it would fail every time, and the reply
    /// itself reached the buyer; the self-check tells operators what to do. A call that got no answer is retried.
    /// The IM family has no equivalent (reference 3.10; <c>session/tag/update</c> only tags): nothing is done there.</summary>
    public async Task MarkProcessedAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (!MarksProcessed)
        {
            return;
        }

        try
        {
            await iop.CallAsync(AliExpressMethods.MarkProcessed,
                new Dictionary<string, string> { ["channel_id"] = conversationId, ["deal_stat"] = "1" }, retryable: true, cancellationToken);
        }
        catch (MarketplaceException e) when (e.Kind == MarketplaceErrorKind.Rejected || AliExpressSelfCheckAdvice.RefusesTheMethod(e))
        {
            AliExpressLog.NotMarkedProcessed(logger, conversationId, e.Code, e.Message);
        }
    }
}
