using Microsoft.Extensions.Options;

namespace Bot.Core.Chat;

/// <summary>Stops the host at once, with one sentence that says what to set, when a staff chat is unusable.</summary>
internal sealed class StaffChatOptionsValidator : IValidateOptions<StaffChatOptions>
{
    public ValidateOptionsResult Validate(string? name, StaffChatOptions options)
    {
        if (options.StaffChatId == 0)
        {
            return ValidateOptionsResult.Fail("Telegram__StaffChatId is not set: set it to the id of the staff supergroup, a negative number like -1001234567890.");
        }

        if (options.StaffChatId > 0)
        {
            return ValidateOptionsResult.Fail("Telegram__StaffChatId is a positive id, which is a person or a bot, not a group: set it to the id of the staff supergroup, a negative number like -1001234567890.");
        }

        var index = options.StaffChatIds.FindIndex(id => id >= 0);
        return index < 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Telegram__StaffChatIds__{index} is {options.StaffChatIds[index]}, not a group: set each further staff group's id, a negative number like -1001234567890.");
    }
}
