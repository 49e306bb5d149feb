using System.Text.Json.Nodes;
using Bot.Core.Marketplace;

namespace Bot.Marketplace.AliExpress;

/// <summary>Reads one buyer's messages not older than a watermark with <c>aliexpress/message/list2</c>.</summary>
/// <remarks>The first page starts at "now" and runs back in time; the next starts at <c>next_start_time</c> after
/// <c>last_message_id</c> (reference 3.2). Paging stops at the first message older than the watermark or when
/// <c>has_more</c> is false. Rows that cannot be read are set aside, so one bad row never stops polling.</remarks>
internal sealed class AliExpressImMessageReader(AliExpressImCaller caller, ILogger<AliExpressImMessageReader> logger)
{
    private const int MaxPages = 250;

    public async Task<IReadOnlyList<MarketplaceMessage>> ReadAsync(
        AliExpressImSession session, long sinceMs, long startMs, List<MarketplaceSetAside> setAside, CancellationToken cancellationToken)
    {
        var messages = new List<MarketplaceMessage>();
        var dto = Query(session.BuyerId, startMs, null);
        for (var page = 0; page < MaxPages; page++)
        {
            var data = await caller.CallAsync(AliExpressImMethods.Messages, "im_query_message_dto", dto, retryable: true, cancellationToken);
            var rows = AliExpressImSessionLister.Rows(data, "message_list");
            var reachedOld = false;
            foreach (var row in rows)
            {
                if (!IopJson.TryTime(row, "send_time", out var time))
                {
                    SetAside(session, row, "send_time is not a valid time", setAside);
                    continue;
                }

                var sentAt = time ?? DateTimeOffset.FromUnixTimeMilliseconds(sinceMs);
                if (sentAt.ToUnixTimeMilliseconds() < sinceMs)
                {
                    reachedOld = true;
                    continue;
                }

                if (IopJson.Str(row, "message_id") is not { Length: > 0 } id)
                {
                    SetAside(session, row, "the message has no id", setAside);
                    continue;
                }

                try
                {
                    messages.Add(AliExpressImMessageMapper.Map(session, row, id, sentAt));
                }
                catch (Exception e) when (e is InvalidOperationException or FormatException or System.Text.Json.JsonException)
                {
                    SetAside(session, row, $"cannot be read: {e.Message}", setAside);
                }
            }

            var next = IopJson.Long(data, "next_start_time");
            if (rows.Count == 0 || reachedOld || IopJson.Bool(data, "has_more") == false || next is null)
            {
                break;
            }

            dto = Query(session.BuyerId, next.Value, IopJson.Str(data, "last_message_id") ?? IopJson.Str(rows[^1], "message_id"));
        }

        return messages;
    }

    private static JsonObject Query(string buyerId, long startMs, string? lastMessageId)
    {
        var dto = new JsonObject
        {
            ["buyer_id"] = long.TryParse(buyerId, out var numeric) ? JsonValue.Create(numeric) : JsonValue.Create(buyerId),
            ["page_size"] = AliExpressImMethods.PageSize,
            ["start_time"] = startMs,
        };
        if (lastMessageId is not null)
        {
            dto["last_message_id"] = lastMessageId;
        }

        return dto;
    }

    private void SetAside(AliExpressImSession session, System.Text.Json.JsonElement row, string reason, List<MarketplaceSetAside> setAside)
    {
        setAside.Add(AliExpressSetAside.Of(session.BuyerId, row, reason));
        AliExpressLog.ImMessageSetAside(logger, session.BuyerId, reason);
    }
}
