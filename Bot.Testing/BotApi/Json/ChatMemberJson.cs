namespace Bot.Testing.BotApi.Json;

/// <summary>One shape for "administrator" and "member": the administrator-only flags stay null for members.</summary>
internal sealed record ChatMemberJson(string Status, UserJson User)
{
    public bool? CanBeEdited { get; init; }
    public bool? IsAnonymous { get; init; }
    public bool? CanManageChat { get; init; }
    public bool? CanDeleteMessages { get; init; }
    public bool? CanManageVideoChats { get; init; }
    public bool? CanRestrictMembers { get; init; }
    public bool? CanPromoteMembers { get; init; }
    public bool? CanChangeInfo { get; init; }
    public bool? CanInviteUsers { get; init; }
    public bool? CanPostStories { get; init; }
    public bool? CanEditStories { get; init; }
    public bool? CanDeleteStories { get; init; }
    public bool? CanPinMessages { get; init; }
    public bool? CanManageTopics { get; init; }

    public static ChatMemberJson Administrator(UserJson user, bool canManageTopics) => new("administrator", user)
    {
        CanBeEdited = false,
        IsAnonymous = false,
        CanManageChat = true,
        CanDeleteMessages = true,
        CanManageVideoChats = false,
        CanRestrictMembers = false,
        CanPromoteMembers = false,
        CanChangeInfo = false,
        CanInviteUsers = true,
        CanPostStories = false,
        CanEditStories = false,
        CanDeleteStories = false,
        CanPinMessages = true,
        CanManageTopics = canManageTopics,
    };

    public static ChatMemberJson Member(UserJson user) => new("member", user);
}
