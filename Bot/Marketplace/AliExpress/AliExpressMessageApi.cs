namespace Bot.Marketplace.AliExpress;

/// <summary>Which message API family the adapter speaks (<c>Marketplace:AliExpress:MessageApi</c>).</summary>
public enum AliExpressMessageApi
{
    /// <summary>The older family first; the newer one once the gateway says the older does not exist or is not permitted.</summary>
    Auto,

    /// <summary><c>aliexpress.message.redefining.versiontwo.*</c> only.</summary>
    VersionTwo,

    /// <summary>The IM family <c>aliexpress/message/*</c> only.</summary>
    Im,
}
