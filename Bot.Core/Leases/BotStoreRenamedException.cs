namespace Bot.Core.Leases;

/// <summary>A store would take over a bot whose conversations another store's schema holds, on a schema of its own that
/// holds none: what happens when a running store is given a name (<c>Store__Id</c>) without <c>Storage__Schema</c>. Its
/// first poll would post the marketplace's last lookback again as new topics, and its topics, buyers' links and drafts
/// would stay behind. The process does not start, in one sentence that names both ways on.</summary>
public sealed class BotStoreRenamedException(string store, string schema, string previousStore, string previousSchema, long botId)
    : StoreRefusedException(Sentence(store, schema, previousStore, previousSchema, botId))
{
    private static string Sentence(string store, string schema, string previousStore, string previousSchema, long botId) =>
        $"Store {store} would start on schema {schema}, which is empty, while this bot's conversations are in schema "
        + $"{previousSchema}, where store {previousStore} kept them: its first poll would post the marketplace's recent "
        + $"messages again as new topics. To keep them, set Storage__Schema={previousSchema}. To start store {store} afresh on "
        + $"this bot, first run DELETE FROM public.bridge_bots WHERE bot_id = {botId} in the database.";
}
