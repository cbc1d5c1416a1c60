using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ChatRequests.Bot.Tests.Hosting;
using ChatRequests.Cards;
using ChatRequests.Core.AccessReviews;
using ChatRequests.Core.Provisioning;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using ChatRequests.PortContracts;
using ChatRequests.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRequests.Bot.Tests.Loop.AccessReviews;

/// <summary>
/// Quarterly access reviews over HTTP with a fake clock: Megan was put in Finance share readers; on 1 October her manager
/// Alex gets the review card in chat and decides on it; the review survives a restart; left undecided, it goes to
/// Alex's manager Miriam once it is due.
/// </summary>
public sealed class AccessReviewLoopTests() : LoopBench(new DateTimeOffset(2026, 9, 30, 12, 0, 0, TimeSpan.Zero))
{
    private static readonly DateTimeOffset CycleStart = new(2026, 10, 1, 7, 0, 0, TimeSpan.Zero);
    private const string Readers = "6b1f3a52-3c1e-4f0b-9a57-5d1d0c2f9e11";
    private const string ReviewTitle = "Access review, October 2026";

    private readonly RecordingProvisioner _graph = new();
    private BotApp _bot = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Files.EditOrganisation(o => o["governance"] = new JsonObject { ["accessReviews"] = new JsonObject { ["everyMonths"] = 3 } });
        // Only the sweep at start runs by itself (the July cycle, before any grant); the test sweeps when it moves time.
        Settings["AccessReviews:Interval"] = "1.00:00:00";
        _bot = await StartBotAsync();
        var megan = new PersonRef(Persona.Megan.AadObjectId, Persona.Megan.Name);
        await _bot.Services.GetRequiredService<IRequestStore>().CreateAsync(
            GrantedRequests.Granted("REQ-000901", megan, "team-identity", Readers, "Finance share readers", "Finance reports", CycleStart.AddMonths(-2)));
    }

    public override async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Manager_RemovesOnTheCard_OnceOnly_TheStrangerIsRefused_AndARestartPostsNothingAgain()
    {
        var (teams, connector) = (_bot.Teams, _bot.Connector);
        _clock.SetUtcNow(CycleStart);
        Assert.Equal(1, (await SweepAsync()).Started);
        var (alexChat, card) = await ReviewCardAsync(Persona.Alex);
        Assert.Contains("Megan Bowen", CardReader.AllText(card));
        Assert.Contains("0 of 1 decided", CardReader.AllText(card));

        // Megan sees Alex's card's data (anyone can forge it): refused, and nothing of the review is told.
        var forged = await teams.ClickOnCardAsync(Persona.Megan, Persona.Megan.PersonalChatId, card, CardVerbs.AccessRemove);
        Assert.Equal("That access review isn't yours to decide, or it no longer exists. Nothing was changed.", forged.Message);
        Assert.Empty(_graph.Removed);

        var removed = await teams.ClickOnCardAsync(Persona.Alex, alexChat, card, CardVerbs.AccessRemove);
        Assert.Contains("Removed by Alex Wilber", removed.CardText);
        Assert.Contains("1 of 1 decided", removed.CardText);
        Assert.Equal([(Persona.Megan.AadObjectId, Readers)], _graph.Removed);
        await CardWithAsync(Persona.Megan, "Access removed", "Finance share readers", "Alex Wilber");

        // The old card clicked again: told who decided; nothing runs twice.
        var again = await teams.ClickOnCardAsync(Persona.Alex, alexChat, card, CardVerbs.AccessKeep);
        Assert.Contains("Alex Wilber already decided this line (remove", again.CardText);
        Assert.Single(_graph.Removed);
        var request = (await _bot.Services.GetRequiredService<IRequestStore>().GetAsync("REQ-000901"))!;
        Assert.Equal(Persona.Alex.AadObjectId, Assert.Single(request.History, h => h.Action == AuditAction.AccessRemoved).Actor.Id);

        // A restart sweeps at once: the cycle is not started again and no card is posted again.
        await _bot.DisposeAsync();
        _bot = await StartBotAsync();
        await SweepAsync();
        Assert.Equal(1, ReviewCardsPostedTo(Persona.Alex));
    }

    [Fact]
    public async Task ReviewLeftUndecided_GoesToTheManagersManagerWhenDue_AndTheManagerIsTold()
    {
        _clock.SetUtcNow(CycleStart);
        await SweepAsync();
        await ReviewCardAsync(Persona.Alex);

        _clock.SetUtcNow(new DateTimeOffset(2026, 10, 15, 0, 1, 0, TimeSpan.Zero));
        // The jump wakes the host's own sweeper as well: two sweepers at once, one escalation.
        await SweepAsync();
        await SweepAsync();

        var (miriamChat, card) = await ReviewCardAsync(Persona.Miriam);
        Assert.Contains("Alex Wilber has not finished this review", CardReader.AllText(card));
        await CardWithAsync(Persona.Alex, "overdue", "went to Miriam Graham as well");
        Assert.Equal(1, ReviewCardsPostedTo(Persona.Miriam));

        var kept = await _bot.Teams.ClickOnCardAsync(Persona.Miriam, miriamChat, card, CardVerbs.AccessKeep);
        Assert.Contains("Kept by Miriam Graham", kept.CardText);
        Assert.Empty(_graph.Removed);
    }

    [Fact]
    public async Task ReviewLeftUndecided_RemindsTheManagerTwoWorkingDaysBeforeItIsDue_Once()
    {
        // The host's sweep at start, run again after Megan's grant existed, as it did in CI when it started late: the July
        // cycle took the grant in, and its review, past due, told Alex "still undecided" a second time (issue 15).
        await SweepAsync();
        _clock.SetUtcNow(CycleStart);
        await SweepAsync();
        await ReviewCardAsync(Persona.Alex);

        // Due Thursday 15 October; Tuesday morning is within two working days. The jump wakes the host's sweeper too.
        _clock.SetUtcNow(new DateTimeOffset(2026, 10, 13, 8, 0, 0, TimeSpan.Zero));
        await SweepAsync();
        await SweepAsync();

        await CardWithAsync(Persona.Alex, "due Thursday 15 October", "still undecided", "goes to your manager as well");
        var chat = _connector.PersonalChatWith(Persona.Alex.AadObjectId)!;
        Assert.Single(_connector.ActivitiesIn(chat).Select(FakeTeamsConnector.CardOf),
            card => card is not null && CardReader.AllText(card).Contains("still undecided", StringComparison.Ordinal));
        Assert.Equal(0, ReviewCardsPostedTo(Persona.Miriam));
    }

    private Task<BotApp> StartBotAsync() => StartAsync(services => services.AddSingleton<IProvisioner>(_graph));

    private Task<AccessReviewSweep> SweepAsync() => _bot.Services.GetRequiredService<AccessReviewDesk>().SweepAsync();

    private async Task<(string ChatId, JsonObject Card)> ReviewCardAsync(Persona who)
    {
        var found = await _connector.WaitForAsync(c =>
        {
            var chat = c.PersonalChatWith(who.AadObjectId);
            var card = chat is null ? null : c.ActivitiesIn(chat).Select(FakeTeamsConnector.CardOf)
                .LastOrDefault(card => card is not null && CardReader.AllText(card).Contains(ReviewTitle, StringComparison.Ordinal));
            return card is null ? null : Tuple.Create(chat!, card);
        }, description: $"the access review card for {who.Name}");
        return (found.Item1, found.Item2);
    }

    private Task<JsonObject> CardWithAsync(Persona who, params string[] words) =>
        _connector.WaitForAsync(c => new[] { who.PersonalChatId, c.PersonalChatWith(who.AadObjectId) }
            .SelectMany(chat => chat is null ? [] : c.ActivitiesIn(chat)).Select(FakeTeamsConnector.CardOf)
            .LastOrDefault(card => card is not null && words.All(w => CardReader.AllText(card).Contains(w, StringComparison.Ordinal))),
            description: $"a card for {who.Name} saying {string.Join(" + ", words)}");

    private int ReviewCardsPostedTo(Persona who) =>
        _connector.PersonalChatWith(who.AadObjectId) is { } chat
            ? _connector.ActivitiesIn(chat).Select(FakeTeamsConnector.CardOf)
                .Count(card => card is not null && CardReader.AllText(card).Contains(ReviewTitle, StringComparison.Ordinal))
            : 0;

    /// <summary>Microsoft Graph's group removals, recorded (the loopback Graph is exercised in the Azure tests).</summary>
    private sealed class RecordingProvisioner : IProvisioner
    {
        private readonly ConcurrentQueue<(string, string)> _removed = new();

        public IReadOnlyList<(string PersonId, string GroupId)> Removed => [.. _removed];

        public Task AddToGroupAsync(string personId, string groupId, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task RemoveFromGroupAsync(string personId, string groupId, CancellationToken cancellationToken = default)
        {
            _removed.Enqueue((personId, groupId));
            return Task.CompletedTask;
        }

        public Task AssignLicenceAsync(string personId, string skuId, IReadOnlyList<string> disabledPlans, CancellationToken cancellationToken = default) =>
            Task.CompletedTask;
    }
}
