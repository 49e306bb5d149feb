namespace Bot.Tests.Translation;

/// <summary>Short buyer and seller messages of the kind the bridge relays (delivery, size, refund, tracking),
/// written for these tests, with the language each is written in.</summary>
public static class MarketplaceCorpus
{
    public static readonly (string Language, string Text)[] Messages =
    [
        ("ru", "Здравствуйте, когда отправите мой заказ?"),
        ("ru", "Трек-номер не отслеживается уже две недели"),
        ("ru", "Какой размер выбрать на рост 170 см?"),
        ("ru", "Товар пришёл с браком, хочу вернуть деньги"),
        ("ru", "Спасибо, посылку получила, всё отлично!"),
        ("en", "Hello, when will you ship my order?"),
        ("en", "The tracking number has not updated for 10 days"),
        ("en", "Do you have this jacket in size XL?"),
        ("en", "I received the wrong color, please send a refund"),
        ("en", "Can you add a gift box to the package?"),
        ("es", "Hola, ¿cuándo llegará mi pedido?"),
        ("es", "El número de seguimiento no funciona"),
        ("es", "¿Qué talla me recomienda? Mido 165 cm"),
        ("es", "El producto llegó roto, quiero un reembolso"),
        ("es", "Gracias, ya recibí el paquete"),
        ("pt", "Olá, quando vocês vão enviar o meu pedido?"),
        ("pt", "O código de rastreio não atualiza há duas semanas"),
        ("pt", "Qual tamanho devo escolher? Uso 38 no Brasil"),
        ("pt", "O produto veio com defeito, quero o reembolso"),
        ("pt", "Obrigada, recebi a encomenda hoje"),
        ("fr", "Bonjour, quand allez-vous expédier ma commande ?"),
        ("fr", "Le numéro de suivi ne fonctionne pas"),
        ("fr", "Quelle taille me conseillez-vous ?"),
        ("fr", "Le colis est arrivé abîmé, je veux être remboursé"),
        ("fr", "Merci beaucoup, j'ai bien reçu le colis"),
        ("de", "Hallo, wann wird meine Bestellung verschickt?"),
        ("de", "Die Sendungsverfolgung zeigt seit Tagen nichts an"),
        ("de", "Welche Größe empfehlen Sie mir?"),
        ("de", "Die Ware ist beschädigt angekommen, ich möchte mein Geld zurück"),
        ("de", "Vielen Dank, das Paket ist angekommen"),
        ("tr", "Merhaba, siparişim ne zaman kargoya verilecek?"),
        ("tr", "Kargo takip numarası çalışmıyor"),
        ("tr", "Hangi bedeni almalıyım?"),
        ("tr", "Ürün hasarlı geldi, para iadesi istiyorum"),
        ("it", "Buongiorno, quando spedite il mio ordine?"),
        ("it", "Il numero di tracciamento non funziona"),
        ("it", "Il prodotto è arrivato rotto, voglio un rimborso"),
        ("pl", "Dzień dobry, kiedy wyślecie moje zamówienie?"),
        ("pl", "Numer przesyłki nie działa od tygodnia"),
        ("pl", "Towar przyszedł uszkodzony, proszę o zwrot pieniędzy"),
        ("uk", "Доброго дня, коли ви відправите моє замовлення?"),
        ("uk", "Посилка досі не прийшла, що робити?"),
        ("uk", "Який розмір обрати? Дякую"),
        ("nl", "Hallo, wanneer wordt mijn bestelling verzonden?"),
        ("nl", "Het pakket is beschadigd aangekomen"),
        ("zh", "你好，我的订单什么时候发货？"),
        ("zh", "物流信息十天没有更新了"),
        ("zh", "这件衣服有大码吗？"),
        ("zh", "收到的商品有质量问题，我要退款"),
        ("ja", "こんにちは、注文した商品はいつ発送されますか？"),
        ("ja", "サイズが合わないので返品したいです"),
        ("ko", "안녕하세요, 주문한 상품은 언제 배송되나요?"),
        ("ko", "사이즈가 안 맞아서 환불하고 싶어요"),
        ("ar", "مرحبا، متى سيتم شحن طلبي؟"),
        ("ar", "رقم التتبع لا يعمل"),
        ("he", "שלום, מתי ההזמנה שלי תישלח?"),
        ("he", "החבילה הגיעה פגומה, אני רוצה החזר"),
    ];

    /// <summary>One to three words: where detectors are weakest.</summary>
    public static readonly (string Language, string Text)[] ShortMessages =
    [
        ("ru", "Спасибо!"), ("ru", "Где трек?"), ("ru", "Размер М"), ("ru", "Когда отправка?"),
        ("en", "Thanks!"), ("en", "Refund please"), ("en", "Where is my parcel?"), ("en", "Wrong size"),
        ("es", "Gracias"), ("es", "¿Dónde está mi pedido?"), ("es", "Talla M por favor"),
        ("pt", "Obrigado"), ("pt", "Cadê meu pedido?"), ("pt", "Quero reembolso"),
        ("fr", "Merci"), ("fr", "Où est mon colis ?"), ("de", "Danke schön"), ("de", "Wo ist mein Paket?"),
        ("tr", "Teşekkürler"), ("tr", "Kargom nerede?"), ("it", "Grazie mille"), ("pl", "Dziękuję bardzo"),
        ("uk", "Дякую!"), ("nl", "Waar is mijn pakket?"), ("zh", "谢谢"), ("zh", "退款"),
        ("ja", "ありがとう"), ("ko", "감사합니다"), ("ar", "شكرا"), ("he", "תודה רבה"),
    ];

    public static TheoryData<string, string> All()
    {
        var data = new TheoryData<string, string>();
        foreach (var (language, text) in Messages)
        {
            data.Add(language, text);
        }

        return data;
    }
}
