namespace Bot.Core.Chat;

public enum ChatType
{
    Private,
    Group,
    Supergroup,
    Channel,
}
