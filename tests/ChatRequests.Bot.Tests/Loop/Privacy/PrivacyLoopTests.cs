using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatRequests.Bot.CardActions;
using ChatRequests.Bot.Conversations;
using ChatRequests.Bot.Tests.Hosting;
using ChatRequests.Core.Audit;
using ChatRequests.Core.Privacy;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using ChatRequests.Core.Understanding;
using ChatRequests.Teams.Connector;
using ChatRequests.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static ChatRequests.Bot.Tests.Loop.LoopSteps;

namespace ChatRequests.Bot.Tests.Loop.Privacy;

/// <summary>
/// The auditors' export and erasure over HTTP: Diego (an auditor in the organisation file) asks in his personal chat, gets
/// a file consent card, accepts, and the file is put to the upload session the loopback Teams serves; the file card
/// follows. A decline, an expired or replayed accept, someone else's accept and a non-https upload URL upload nothing.
/// Everyone else gets what words that match nothing get. Megan's laptop has a cost centre the catalog marks sensitive.
/// </summary>
public sealed class PrivacyLoopTests : LoopBench
{
    private const string CostCentre = "CC-4711";
    private const string OtherMegan = "00000000-0000-0000-0000-0000000000b9";

    private readonly CapturingLoggerProvider _logs = new();
    private BotApp _bot = null!;

    public PrivacyLoopTests()
    {
        Files.EditOrganisation(organisation =>
        {
            organisation["governance"] = new JsonObject { ["auditors"] = new JsonArray(Persona.Diego.AadObjectId) };
            organisation["people"]!.AsArray().Add(new JsonObject
            {
                ["id"] = OtherMegan, ["name"] = "Megan Bowen", ["email"] = "megan.bowen2@contoso.com", ["department"] = "Sales",
            });
        });
        Files.EditCatalog(catalog =>
        {
            var laptop = catalog["items"]!.AsArray().Single(i => (string?)i!["id"] == "laptop-standard")!;
            laptop["fields"]!.AsArray().Single(f => (string?)f!["id"] == "costCentre")!["sensitive"] = true;
        });
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _bot = await StartAsync(services => services.AddSingleton<ILoggerProvider>(_logs));
    }

    public override async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await base.DisposeAsync();
    }

    private IRequestStore Store => _bot.Services.GetRequiredService<IRequestStore>();

    [Fact]
    public async Task APeriodExport_AcceptedOnce_IsUploadedWithSensitiveValuesMasked_AndAReplayUploadsNothing()
    {
        var requestId = await RequestLaptopAsync(_bot.Teams, _bot.Connector, Persona.Megan);

        var consent = await ConsentCardAsync(Persona.Diego, "export requests for the last 7 days");
        Assert.Matches(@"^Requests submitted, last 7 days \(.+\), days in UTC: 1$", consent["content"]!["description"]!.GetValue<string>());
        var accepted = await AnswerAsync(Persona.Diego, consent, accept: true);

        var fileCard = Assert.Single(accepted.Attachments!);
        Assert.Equal(FileConsentAnswer.InfoContentType, fileCard.ContentType);
        var upload = Assert.Single(_bot.Connector.Uploads);
        Assert.False(upload.HadAuthorization);
        Assert.Equal($"bytes 0-{upload.Bytes.Length - 1}/{upload.Bytes.Length}", upload.ContentRange);
        var files = Unzip(upload.Bytes);
        Assert.Contains(requestId, files[RequestExport.RequestsFile], StringComparison.Ordinal);
        Assert.All(files.Values, text => Assert.DoesNotContain(CostCentre, text, StringComparison.Ordinal));
        Assert.Contains(SensitiveFields.Masked, files[RequestExport.JsonFile], StringComparison.Ordinal);

        var replayed = await AnswerAsync(Persona.Diego, consent, accept: true);
        Assert.Equal(FileConsentHandler.NoLongerHeld, replayed.Text);
        Assert.Single(_bot.Connector.Uploads);
    }

    [Fact]
    public async Task TheAcceptIsAnswered200_BeforeTheUploadEnds_AndTheFileCardFollowsIt()
    {
        await RequestLaptopAsync(_bot.Teams, _bot.Connector, Persona.Megan);
        var consent = await ConsentCardAsync(Persona.Diego, "export last month");
        var count = _bot.Connector.ActivitiesIn(Persona.Diego.PersonalChatId).Count;
        _bot.Connector.HoldUploads();

        using (var response = await _bot.Teams.AnswerFileConsentAsync(Persona.Diego, consent, accept: true))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Empty(_bot.Connector.Uploads);
        }

        _bot.Connector.ReleaseUploads();
        var fileCard = await _bot.Connector.WaitForAsync(c => c.ActivitiesIn(Persona.Diego.PersonalChatId).Skip(count).FirstOrDefault());
        Assert.Equal(FileConsentAnswer.InfoContentType, Assert.Single(fileCard.Attachments!).ContentType);
        Assert.Single(_bot.Connector.Uploads);
    }

    [Fact]
    public async Task ADecline_SomeoneElsesAccept_AnExpiredAccept_AndAPlainHttpUploadUrl_UploadNothing()
    {
        await RequestLaptopAsync(_bot.Teams, _bot.Connector, Persona.Megan);

        var declined = await ConsentCardAsync(Persona.Diego, "export last month");
        Assert.Equal(FileConsentHandler.NothingExported, (await AnswerAsync(Persona.Diego, declined, accept: false)).Text);
        Assert.Equal(FileConsentHandler.NoLongerHeld, (await AnswerAsync(Persona.Diego, declined, accept: true)).Text);

        var notMegans = await ConsentCardAsync(Persona.Diego, "export requests for the last 7 days");
        Assert.Equal(FileConsentHandler.NoLongerHeld, (await AnswerAsync(Persona.Megan, notMegans, accept: true)).Text);
        var outsider = await AnswerAsync(Persona.Diego, notMegans, accept: true, uploadUrl: "http://upload.example.com/session/1");
        Assert.Equal(FileConsentHandler.UploadRefused, outsider.Text);
        var refusal = Assert.Single(_logs.Logs, l => l.Category == typeof(FileConsentHandler).FullName && l.Message.StartsWith("Refused to upload", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, refusal.Level);
        Assert.Contains("to http://upload.example.com: not https", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("/session/1", refusal.Message, StringComparison.Ordinal);

        var expired = await ConsentCardAsync(Persona.Diego, "export requests for the last 7 days");
        _clock.Advance(HeldExports.DefaultKeepFor + TimeSpan.FromSeconds(1));
        Assert.Equal(FileConsentHandler.NoLongerHeld, (await AnswerAsync(Persona.Diego, expired, accept: true)).Text);

        Assert.Empty(_bot.Connector.Uploads);
    }

    [Fact]
    public async Task SomeoneWhoIsNoAuditor_GetsWhatWordsThatMatchNothingGet_AndTheHelpDoesNotListTheCommands()
    {
        var intake = _bot.Services.GetRequiredService<IntakeConversation>();
        foreach (var text in new[] { "export requests for last month", "export data of Diego Siciliani", "erase data of Diego Siciliani" })
        {
            var reply = await ReplyAsync(Persona.Megan, text);

            var unknown = intake.Answer(new Meaning { Kind = MeaningKind.Unknown }, text).Message.Card;
            Assert.Equal(unknown.ToJsonString(), FakeTeamsConnector.CardOf(reply)!.ToJsonString());
        }

        Assert.DoesNotContain("export", CardReader.AllText(FakeTeamsConnector.CardOf(await ReplyAsync(Persona.Megan, "help"))), StringComparison.Ordinal);
        Assert.Contains("export data of", CardReader.AllText(FakeTeamsConnector.CardOf(await ReplyAsync(Persona.Diego, "help"))), StringComparison.Ordinal);
        Assert.Empty(_bot.Connector.Uploads);
    }

    [Fact]
    public async Task InAChannel_AnAuditorIsSentToThePersonalChat()
    {
        var count = _bot.Connector.ActivitiesIn(Persona.HardwareChannel).Count;

        (await _bot.Teams.SayInChannelAsync(Persona.Diego, Persona.HardwareChannel, "export last month")).EnsureSuccessStatusCode();

        var reply = await _bot.Connector.WaitForAsync(c => c.ActivitiesIn(Persona.HardwareChannel).Skip(count).FirstOrDefault());
        Assert.Equal(PrivacyConversation.PersonalChatOnly, reply.Text);
    }

    [Fact]
    public async Task APersonExport_AsksWhichMegan_AndHoldsHerOwnSensitiveValues()
    {
        var requestId = await RequestLaptopAsync(_bot.Teams, _bot.Connector, Persona.Megan);

        var choice = FakeTeamsConnector.CardOf(await ReplyAsync(Persona.Diego, "export data of Megan Bowen"))!;
        Assert.Contains("Several people have that name", CardReader.AllText(choice), StringComparison.Ordinal);
        var count = _bot.Connector.ActivitiesIn(Persona.Diego.PersonalChatId).Count;
        var picked = await _bot.Teams.ClickAsync(
            Persona.Diego, Persona.Diego.PersonalChatId, "privacy.pick", new JsonObject { ["personId"] = Persona.Megan.AadObjectId, ["kind"] = "export" });
        Assert.Contains("Data held about Megan Bowen", picked.CardText, StringComparison.Ordinal);
        var consent = await _bot.Connector.WaitForAsync(c => c.ActivitiesIn(Persona.Diego.PersonalChatId).Skip(count).FirstOrDefault())!;
        await AnswerAsync(Persona.Diego, consent.Attachments!.Single().ToJsonObject(), accept: true);

        var json = JsonDocument.Parse(Assert.Single(_bot.Connector.Uploads).Bytes).RootElement;
        Assert.Equal(Persona.Megan.AadObjectId, json.GetProperty("person").GetProperty("id").GetString());
        var made = Assert.Single(json.GetProperty("requestsMade").EnumerateArray());
        Assert.Equal(requestId, made.GetProperty("id").GetString());
        Assert.Equal(CostCentre, made.GetProperty("fields").GetProperty("costCentre").GetString());

        // Who saw her data is part of the audit: a line in the request's history names the auditor, and the chain holds.
        var stored = (await _bot.Services.GetRequiredService<IRequestStore>().GetAsync(requestId))!;
        var line = Assert.Single(stored.History, h => h.Action == AuditAction.DataExported);
        Assert.Equal(Persona.Diego.AadObjectId, line.Actor.Id);
        Assert.Equal("Included in an export of Megan Bowen's data asked by Diego Siciliani", line.Comment);
        Assert.True(HistoryChain.Verify(stored).IsIntact);
    }

    [Fact]
    public async Task AnErasure_IsConfirmedOnItsCard_ActsOnceOnADoubleClick_AndListsTheOpenRequestsLeft()
    {
        var closed = await RequestLaptopAsync(_bot.Teams, _bot.Connector, Persona.Megan);
        await ReplyAsync(Persona.Megan, $"cancel {closed}");
        var open = await RequestLaptopAsync(_bot.Teams, _bot.Connector, Persona.Megan);

        var choice = FakeTeamsConnector.CardOf(await ReplyAsync(Persona.Diego, "erase data of Megan Bowen"))!;
        Assert.Contains("whose data to erase", CardReader.AllText(choice), StringComparison.Ordinal);
        var confirm = await _bot.Teams.ClickAsync(
            Persona.Diego, Persona.Diego.PersonalChatId, "privacy.pick", new JsonObject { ["personId"] = Persona.Megan.AadObjectId, ["kind"] = "erase" });
        Assert.Contains("Erase the data of Megan Bowen?", confirm.CardText, StringComparison.Ordinal);
        Assert.Null((await Store.GetAsync(closed))!.Anonymised);

        var refused = await _bot.Teams.ClickOnCardAsync(Persona.Megan, Persona.Megan.PersonalChatId, confirm.Card, "privacy.erase");
        Assert.Equal("That didn't work: I don't know that action. Nothing was changed.", refused.Message);
        Assert.Null((await Store.GetAsync(closed))!.Anonymised);

        var clicks = await Task.WhenAll(
            _bot.Teams.ClickOnCardAsync(Persona.Diego, Persona.Diego.PersonalChatId, confirm.Card, "privacy.erase"),
            _bot.Teams.ClickOnCardAsync(Persona.Diego, Persona.Diego.PersonalChatId, confirm.Card, "privacy.erase"));
        var again = await _bot.Teams.ClickOnCardAsync(Persona.Diego, Persona.Diego.PersonalChatId, confirm.Card, "privacy.erase");

        var texts = clicks.Select(c => c.CardText).ToList();
        Assert.Single(texts, t => t.Contains($"Anonymised 1 request ({closed})", StringComparison.Ordinal));
        Assert.All(texts.Append(again.CardText), t => Assert.Contains($"still open: {open}", t, StringComparison.Ordinal));
        Assert.Contains("Nothing more to erase for Megan Bowen", again.CardText, StringComparison.Ordinal);
        var erased = (await Store.GetAsync(closed))!;
        Assert.Equal(ServiceRequest.FormerEmployeeName, erased.Requester.Name);
        Assert.Single(erased.History, h => h.Action == AuditAction.Anonymise);
        Assert.Contains(erased.History, h => h.Comment?.Contains("data-subject erasure asked by Diego Siciliani", StringComparison.Ordinal) == true);
        Assert.Equal(Persona.Megan.AadObjectId, (await Store.GetAsync(open))!.Requester.Id);
    }

    private async Task<Activity> ReplyAsync(Persona who, string text)
    {
        var count = _bot.Connector.ActivitiesIn(who.PersonalChatId).Count;
        (await _bot.Teams.SayAsync(who, text)).EnsureSuccessStatusCode();
        return await _bot.Connector.WaitForAsync(c => c.ActivitiesIn(who.PersonalChatId).Skip(count).FirstOrDefault(), description: text);
    }

    private async Task<JsonObject> ConsentCardAsync(Persona who, string text)
    {
        var reply = await ReplyAsync(who, text);
        var attachment = Assert.Single(reply.Attachments!);
        Assert.Equal(FileConsentAnswer.ConsentContentType, attachment.ContentType);
        return attachment.ToJsonObject();
    }

    /// <summary>Answers the consent card; the invoke gets its 200 at once, the answer in the chat follows.</summary>
    private async Task<Activity> AnswerAsync(Persona who, JsonObject consent, bool accept, string? uploadUrl = null)
    {
        var count = _bot.Connector.ActivitiesIn(who.PersonalChatId).Count;
        using var response = await _bot.Teams.AnswerFileConsentAsync(who, consent, accept, uploadUrl);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await _bot.Connector.WaitForAsync(c => c.ActivitiesIn(who.PersonalChatId).Skip(count).FirstOrDefault(), description: "the consent answered");
    }

    private static Dictionary<string, string> Unzip(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes));
        return zip.Entries.ToDictionary(e => e.Name, e =>
        {
            using var reader = new StreamReader(e.Open(), Encoding.UTF8);
            return reader.ReadToEnd();
        });
    }
}

internal static class AttachmentJson
{
    public static JsonObject ToJsonObject(this Attachment attachment) =>
        JsonSerializer.SerializeToNode(attachment, ConnectorJson.Options)!.AsObject();
}
