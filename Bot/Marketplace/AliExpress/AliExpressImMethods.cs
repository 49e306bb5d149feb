namespace Bot.Marketplace.AliExpress;

/// <summary>The IM family <c>aliexpress/message/*</c> (reference section 3; source: the generated Java SDK only).</summary>
internal static class AliExpressImMethods
{
    /// <summary>Buyers who chatted with the store, newest first (parameter <c>ae_im_query_session_dto</c>).</summary>
    public const string Sessions = "aliexpress/message/history/buyer/list";

    /// <summary>One buyer's messages, newest first (parameter <c>im_query_message_dto</c>, page size at most 20).</summary>
    public const string Messages = "aliexpress/message/list2";

    /// <summary>Posts a message (parameter <c>im_send_message_dto</c>): template 1 text, 3 image; scene 1 basic reception.</summary>
    public const string Send = "aliexpress/message/send";

    /// <summary>Opens a buyer's conversation (parameter <c>im_session_open_dto</c>) and answers <c>current_buyer_id</c>:
    /// how a login id from the older family becomes the numeric buyer id of this one (INFERRED, reference 3.6).</summary>
    public const string OpenSession = "aliexpress/message/session/open";

    /// <summary>The IM API has no page size above this ("限 20").</summary>
    public const int PageSize = 20;
}
