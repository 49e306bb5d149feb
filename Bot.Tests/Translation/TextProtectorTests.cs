using Bot.Core.Translation.Protection;

namespace Bot.Tests.Translation;

[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class TextProtectorTests
{
    [Theory]
    [InlineData("Заказ 8123456789012345 не пришёл", "8123456789012345")]
    [InlineData("Трек LP00123456789012 не отслеживается", "LP00123456789012")]
    [InlineData("Tracking RB123456789CN stuck", "RB123456789CN")]
    [InlineData("Номер UA123456789012345 не работает", "UA123456789012345")]
    [InlineData("lp00123456789012 is my tracking", "lp00123456789012")]
    [InlineData("See https://aliexpress.com/item/1005006123456789.html?spm=a2g0o, please", "https://aliexpress.com/item/1005006123456789.html?spm=a2g0o")]
    [InlineData("Напишите на ivan.petrov+shop@mail.ru пожалуйста", "ivan.petrov+shop@mail.ru")]
    [InlineData("It costs €12.50 now", "€12.50")]
    [InlineData("Cuesta 12,99 $ con envío", "12,99 $")]
    [InlineData("Only US $5 for shipping", "US $5")]
    [InlineData("Paguei R$ 89,90 no produto", "R$ 89,90")]
    [InlineData("Цена 1500 руб. за штуку", "1500 руб.")]
    [InlineData("Спросите у @shop_support_bot", "@shop_support_bot")]
    [InlineData("Спасибо 👍🏽 всё пришло", "👍🏽")]
    [InlineData("Love it ❤️🔥 thanks", "❤️🔥")]
    public void Token_IsMaskedAndRestored(string text, string token)
    {
        var protectedText = TextProtector.Protect(text);

        Assert.Contains(token, protectedText.Tokens);
        Assert.DoesNotContain(token, protectedText.Masked, StringComparison.Ordinal);
        Assert.True(TextProtector.TryRestore(protectedText, protectedText.Masked.ToUpperInvariant(), out var restored));
        Assert.Contains(token, restored, StringComparison.Ordinal);
    }

    [Fact]
    public void Placeholders_MovedOrWithSpacesOrNativeDigits_AreRestored()
    {
        var protectedText = TextProtector.Protect("Order 8123456789012345, tracking RB123456789CN");

        Assert.True(TextProtector.TryRestore(protectedText, "Отслеживание ⟦ 2 ⟧, заказ ⟦١⟧", out var restored));
        Assert.Equal("Отслеживание RB123456789CN, заказ 8123456789012345", restored);
    }

    [Fact]
    public void LostPlaceholder_IsRejected()
    {
        var protectedText = TextProtector.Protect("Order 8123456789012345, tracking RB123456789CN");

        Assert.False(TextProtector.TryRestore(protectedText, "Заказ ⟦1⟧, отслеживание", out _));
    }

    [Theory]
    [InlineData("Заказ ⟦1⟧ ⟦1⟧ ⟦2⟧")]
    [InlineData("Заказ ⟦1⟧ ⟦2⟧ ⟦3⟧")]
    public void DuplicatedOrInventedPlaceholder_IsRejected(string answer) =>
        Assert.False(TextProtector.TryRestore(TextProtector.Protect("Order 8123456789012345, tracking RB123456789CN"), answer, out _));

    [Theory]
    [InlineData("👍🙏")]
    [InlineData("LP00123456789012 https://t.me/x 8123456789012345")]
    [InlineData("€12.50 !!! 👍")]
    [InlineData("  ")]
    public void NothingButTokens_HasNoWords(string text) => Assert.False(TextProtector.Protect(text).HasWords);

    [Fact]
    public void TextAlreadyContainingPlaceholderBrackets_IsSentUnmasked()
    {
        var protectedText = TextProtector.Protect("Странный ⟦1⟧ текст 8123456789012345");

        Assert.Empty(protectedText.Tokens);
        Assert.Equal(protectedText.Original, protectedText.Masked);
    }
}
