namespace Bot.Core.Operations;

/// <summary>Ends the marketplace poller's wait at once (the host's poller implements it), for an operator's /resume.</summary>
public interface IPollWakeUp
{
    void Wake();
}
