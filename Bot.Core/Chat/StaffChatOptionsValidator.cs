using Microsoft.Extensions.Options;

namespace Bot.Core.Chat;

/// <summary>Stops the host at once, with one sentence that says what to set, when the staff chat is unusable.</summary>
internal sealed class StaffChatOptionsValidator : IValidateOptions<StaffChatOptions>
{
    public ValidateOptionsResult Validate(string? name, StaffChatOptions options) => options.StaffChatId switch
    {
        0 => ValidateOptionsResult.Fail("Telegram__StaffChatId is not set: set it to the id of the staff supergroup, a negative number like -1001234567890."),
        > 0 => ValidateOptionsResult.Fail("Telegram__StaffChatId is a positive id, which is a person or a bot, not a group: set it to the id of the staff supergroup, a negative number like -1001234567890."),
        _ => ValidateOptionsResult.Success,
    };
}
