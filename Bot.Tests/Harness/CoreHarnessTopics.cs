namespace Bot.Tests.Harness;

/// <summary>The step most relay tests start from: a buyer writes about an order and the relay opens its topic.</summary>
public static class CoreHarnessTopics
{
    /// <summary>Adds the buyer's message, runs the relay once and returns the one topic it opened.</summary>
    public static async Task<int> OpenTopicAsync(this CoreHarness harness, string orderId, string buyerText)
    {
        harness.Marketplace.AddBuyerMessage(orderId, buyerText);
        await harness.RunAsync();
        return harness.Gateway.Topics.Single().TopicId;
    }
}
