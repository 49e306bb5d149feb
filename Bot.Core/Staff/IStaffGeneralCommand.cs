using Bot.Core.Chat;

namespace Bot.Core.Staff;

/// <summary>A command staff type in the staff chat's general topic, outside any conversation (e.g. /stats). Unknown
/// commands there are left alone: the general topic is the staff's own room.</summary>
public interface IStaffGeneralCommand
{
    /// <summary>The command without the slash, lower case.</summary>
    string Name { get; }

    Task HandleAsync(IncomingChatMessage message, string arguments, CancellationToken cancellationToken);
}
