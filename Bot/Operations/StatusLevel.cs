namespace Bot.Operations;

/// <summary>How bad the bridge is, from best to worst; the status page's headline shows the worst of its parts.</summary>
internal enum StatusLevel
{
    Ready,
    Starting,
    Failing,
    NeedsOperator,
}
