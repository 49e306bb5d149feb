using Bot.Core.Runtime;

namespace Bot.Tests.Runtime;

/// <summary>Giving memory back reaches the native allocator where it can: on Linux with glibc (the shipped image,
/// Debian) <c>malloc_trim</c> is found and called, so a wrong library or entry name cannot go unnoticed.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class MemoryGiveBackTests
{
    [Fact]
    public void OnLinuxWithGlibc_TrimsTheNativeHeap()
    {
        Assert.True(OperatingSystem.IsLinux() && File.Exists("/etc/debian_version"), "The bridge is built and tested on Debian, as its image.");
        var before = MemoryGiveBack.NativeTrims;

        MemoryGiveBack.Now();

        Assert.True(MemoryGiveBack.NativeTrims > before);
    }
}
