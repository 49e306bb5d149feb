namespace Bot.Stores;

/// <summary>The chats a store names with its bot (its staff groups and operator chat): an update from one of them is
/// that store's when several stores of the process share the bot.</summary>
/// <param name="Store">The store's id.</param>
/// <param name="ApiBaseUrl">Where the store reaches the Bot API (stores sharing a bot reach it at one address).</param>
/// <param name="StaffChats">Its staff groups.</param>
/// <param name="OperatorChat">Its operator chat, if any.</param>
internal sealed record StoreChats(string Store, string ApiBaseUrl, IReadOnlyList<long> StaffChats, long? OperatorChat)
{
    /// <summary>Each chat the store names, with the setting that names it.</summary>
    public IEnumerable<(long Chat, string Setting)> Named =>
        StaffChats.Select(c => (c, "staff group"))
            .Concat(OperatorChat is { } chat ? [(chat, "operator chat")] : []);

    public bool Names(long chat) => StaffChats.Contains(chat) || OperatorChat == chat;
}
