using Bot.Core.Chat;
using Microsoft.Extensions.Options;

namespace Bot.Core.Operations;

/// <summary>Stops the host at once, with one sentence naming the setting, when the operator settings are unusable.</summary>
internal sealed class OperatorOptionsValidator(IOptions<StaffChatOptions> staffChat) : IValidateOptions<OperatorOptions>
{
    public ValidateOptionsResult Validate(string? name, OperatorOptions options)
    {
        if (options.InvalidOperatorId is { } bad)
        {
            return ValidateOptionsResult.Fail(
                $"Telegram__OperatorIds and Telegram__OperatorChatId must be numeric Telegram ids ('{bad}' is not): set OperatorIds like 111,222.");
        }

        if (options.OperatorChatId is { } chat && StaffChats()?.Contains(chat) == true)
        {
            return ValidateOptionsResult.Fail("Telegram__OperatorChatId must be a chat other than the staff chat (Telegram__StaffChatId, Telegram__StaffChatIds): use a separate group for operators.");
        }

        return ValidateOptionsResult.Success;
    }

    /// <summary>The staff chats, or null while their own setting is unusable (its validator reports that).</summary>
    private IReadOnlyList<long>? StaffChats()
    {
        try
        {
            return staffChat.Value.AllStaffChatIds;
        }
        catch (Exception e) when (e is OptionsValidationException or InvalidOperationException)
        {
            return null;
        }
    }
}
