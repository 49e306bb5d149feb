namespace Bot.Core.Logging;

/// <summary>Which line, if any, a failure of a repeating kind gets at Information and above.</summary>
public enum FailureLine
{
    /// <summary>Only a Debug line: the series is already reported.</summary>
    None,

    /// <summary>The first failure after things worked: a line of its own.</summary>
    First,

    /// <summary>A window has passed: one line counting the failures since the last line.</summary>
    Summary,

    /// <summary>It works again: one line counting the whole series.</summary>
    Recovered,
}
