using Bot.Core.Drafts;
using Bot.Core.Storage;
using Bot.Testing;
using Bot.Testing.BotApi;
using Bot.Testing.Translation;
using Bot.Tests.EndToEnd;

namespace Bot.Tests.Drafts;

/// <summary>The real host with drafts pointed at a fake OpenAI-compatible model over HTTP, a policy file the store
/// edits, and order cards refreshed every second.</summary>
public sealed class DraftRig : IAsyncDisposable
{
    public const long Staff = StaffGroupBridge.Staff;
    public const string ApiKey = "sk-draft-test-key-0123";
    public const string Model = "draft-model";
    public const string Policies = "Refunds only within 15 days of delivery. Always sign as “Wool & Co.”";

    private readonly Dictionary<string, string?> settings;

    private DraftRig(FakeTranslationApi api, LoopbackServer server, StaffGroupBridge bridge, string policyFile, Dictionary<string, string?> settings)
    {
        Api = api;
        Server = server;
        Bridge = bridge;
        PolicyFile = policyFile;
        this.settings = settings;
    }

    public FakeTranslationApi Api { get; }

    public LoopbackServer Server { get; }

    public StaffGroupBridge Bridge { get; }

    public string PolicyFile { get; }

    public FakeTelegramServer Telegram => Bridge.Telegram;

    public static async Task<DraftRig> StartAsync(Action<Dictionary<string, string?>>? adjust = null)
    {
        var api = new FakeTranslationApi { Transform = (_, _) => "Your parcel is on its way <tracking LP00999>. Wool & Co." };
        var server = await LoopbackServer.StartAsync(app => app.MapFakeChatModel(api, ApiKey, Model));
        var policyFile = Path.Combine(Directory.CreateTempSubdirectory("drafts-").FullName, "policies.md");
        await File.WriteAllTextAsync(policyFile, Policies);
        var settings = new Dictionary<string, string?>
        {
            ["Drafts:Endpoint"] = server.Url + "/v1",
            ["Drafts:Model"] = Model,
            ["Drafts:ApiKey"] = ApiKey,
            ["Drafts:PolicyFile"] = policyFile,
            ["Marketplace:OrderRefreshInterval"] = "00:00:01",
        };
        adjust?.Invoke(settings);
        return new DraftRig(api, server, await StaffGroupBridge.StartAsync(settings: settings), policyFile, settings);
    }

    /// <summary>Stops the host and starts it again on the same database and settings (a restart or a crash's recovery).</summary>
    public Task RestartAsync() => Bridge.RestartAsync(settings, Bridge.Bridge.DatabasePath);

    /// <summary>Presses the first button of a message in the topic whose data satisfies <paramref name="data"/>; returns the
    /// callback query id.</summary>
    public async Task<string> PressAsync(int topic, Func<string, bool> data)
    {
        var message = await Eventually.ValueAsync(
            () => Telegram.SentTo(Staff, topic).LastOrDefault(m => m.Buttons.Any(b => b.CallbackData is { } d && data(d))), StaffGroupBridge.Timeout);
        var button = message.Buttons.First(b => b.CallbackData is { } d && data(d));
        return Telegram.EnqueueCallback(Staff, message.MessageId, StaffGroupBridge.StaffUser, button.CallbackData!);
    }

    /// <summary>The answer Telegram got for a press (answerCallbackQuery).</summary>
    public Task<CallbackAnswer> AnswerAsync(string callbackId) =>
        Eventually.ValueAsync(() => Telegram.CallbackAnswers.FirstOrDefault(a => a.CallbackQueryId == callbackId), StaffGroupBridge.Timeout);

    /// <summary>The first message in the topic whose visible text contains <paramref name="text"/>.</summary>
    public Task<SentMessage> ShownAsync(int topic, string text) =>
        Eventually.ValueAsync(() => Telegram.SentTo(Staff, topic).FirstOrDefault(m => m.VisibleText?.Contains(text, StringComparison.Ordinal) == true), StaffGroupBridge.Timeout);

    /// <summary>Waits until the shown draft is stored: Telegram answers its send before the bridge commits it, and a
    /// press in between (which no person is quick enough for) would find no draft.</summary>
    public Task StoredAsync(SentMessage draft) => Eventually.TrueAsync(async () =>
    {
        await using var session = await DbSession.ReadAsync(Bridge.Bridge.Get<IDbConnectionFactory>(), CancellationToken.None);
        return await Bridge.Bridge.Get<IDraftRepository>().FindAsync(session, Staff, draft.MessageId) is not null;
    }, StaffGroupBridge.Timeout);

    public async ValueTask DisposeAsync()
    {
        await Bridge.DisposeAsync();
        await Server.DisposeAsync();
        File.Delete(PolicyFile);
    }
}
