using System.Security.Cryptography;
using System.Text;

namespace Bot.Core.Chat;

/// <summary>A press on an inline button.</summary>
public sealed record IncomingCallback(
    long UpdateId,
    string CallbackId,
    long ChatId,
    int MessageId,
    int? TopicId,
    long FromUserId,
    string FromName,
    string Data)
{
    /// <summary>A negative stand-in for a message id, the same for every delivery of this press and different for every
    /// other press: taken from the callback query's own id, which Telegram never reuses (update ids restart when the
    /// bot's updates are reset, so a new press could take an old one's update id).</summary>
    public long PressId => -(BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(CallbackId)), 0) & long.MaxValue) - 1;
}
