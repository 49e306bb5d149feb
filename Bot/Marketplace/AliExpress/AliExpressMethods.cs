namespace Bot.Marketplace.AliExpress;

/// <summary>API names used by the adapter.</summary>
internal static class AliExpressMethods
{
    public const string QueryRelations = "aliexpress.message.redefining.versiontwo.querymsgrelationlist";
    public const string QueryDetails = "aliexpress.message.redefining.versiontwo.querymsgdetaillist";
    public const string AddMessage = "aliexpress.message.redefining.versiontwo.addmsg";
    public const string UploadTempImage = "aliexpress.image.redefining.uploadtempimage";
    public const string MarkRead = "aliexpress.message.redefining.versiontwo.updatemsgread";
    public const string MarkProcessed = "aliexpress.message.redefining.versiontwo.updatemsgprocessed";
    public const string FindOrder = "aliexpress.trade.new.redefining.findorderbyid";
    public const string OrderIssues = "aliexpress.issue.partner.order.issues.get";
}
