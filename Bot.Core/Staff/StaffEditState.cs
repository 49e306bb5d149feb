namespace Bot.Core.Staff;

/// <summary>What became of a staff message that was edited in Telegram.</summary>
public enum StaffEditState
{
    /// <summary>Not stored: it was a command, a sticker, a note... nothing was relayed.</summary>
    Unknown,

    /// <summary>Waiting in the outbox, no part handed to the marketplace yet: the edited text can still go.</summary>
    Pending,

    /// <summary>Sent, being sent, or given up on: the marketplace keeps what it has.</summary>
    Sent,
}
