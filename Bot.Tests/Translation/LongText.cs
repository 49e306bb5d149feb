using System.Text;

namespace Bot.Tests.Translation;

/// <summary>A long buyer complaint made of varied sentences (with tokens to protect), for chunking tests.</summary>
internal static class LongText
{
    private static readonly string[] Sentences =
    [
        "Здравствуйте, я заказал куртку две недели назад, но посылка до сих пор не пришла.",
        "Трек-номер LP00123456789012 не отслеживается на сайте почты.",
        "Я писал в поддержку, но мне никто не ответил, это очень неприятно!",
        "Подскажите, пожалуйста, что делать, если товар потерялся в пути?",
        "Номер заказа 8123456789012345, оплатил 45,90 $ вместе с доставкой.",
        "Если посылка не придёт до конца месяца, я открою спор и попрошу вернуть деньги.",
    ];

    public static string Build(int length)
    {
        var builder = new StringBuilder();
        for (var i = 0; builder.Length < length; i++)
        {
            builder.Append(Sentences[i % Sentences.Length]).Append(i % 7 == 6 ? "\n\n" : " ");
        }

        return builder.ToString(0, length);
    }
}
