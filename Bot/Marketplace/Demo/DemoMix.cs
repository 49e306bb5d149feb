namespace Bot.Marketplace.Demo;

/// <summary>A stable hash of (seed, buyer, purpose): the same numbers on every machine, run and .NET version, unlike
/// <see cref="Random"/> or <see cref="HashCode"/>.</summary>
internal static class DemoMix
{
    public static int Pick(int seed, int index, int purpose, int count)
    {
        // SplitMix64's finaliser over the three inputs.
        var z = unchecked(((ulong)(uint)seed << 32) ^ (uint)index ^ ((ulong)(uint)purpose * 0x9E3779B97F4A7C15UL));
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (int)(z % (ulong)count);
    }
}
