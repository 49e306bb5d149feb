namespace Bot.Core.Outbox;

/// <summary>Told what became of each delivery attempt, after the dispatcher settled it; for parts that watch a chat's
/// health from the deliveries into it. Must be quick and must not throw.</summary>
public interface IDeliveryObserver
{
    void Delivered(OutboxItem item);

    void Failed(OutboxItem item, Exception error);
}
