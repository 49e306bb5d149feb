namespace Bot.Marketplace.Demo;

/// <summary>Settings of the demo marketplace (section <c>Demo</c>), used when <c>Marketplace__Provider=Demo</c>.</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    /// <summary>A new simulated buyer writes this often; the first one writes at once.</summary>
    public TimeSpan NewConversationEvery { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>No new buyers after this many conversations (they still answer staff).</summary>
    public int MaxConversations { get; set; } = 30;

    /// <summary>Chooses the buyers, their languages and what they write about: the same seed gives the same demo.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>How long a buyer takes to answer a staff reply.</summary>
    public TimeSpan ReplyDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How often the bridge polls the demo marketplace.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
}
