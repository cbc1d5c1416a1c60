using System.Net;
using System.Text.Json.Nodes;
using ChatRequests.Cards;
using ChatRequests.Core.Requests;
using ChatRequests.Teams.Connector;
using ChatRequests.Testing;

namespace ChatRequests.Soak;

/// <summary>What the lifecycles share: the bot, what reached Teams, the bot's file, the people and the progress.</summary>
public sealed class SoakBench(BotUnderTest bot, ConnectorInbox inbox, StoreFile store, SoakPeople people, SoakProgress progress, TimeSpan stepTimeout)
{
    private readonly Dictionary<string, SemaphoreSlim> _typing = new(StringComparer.Ordinal);

    public BotUnderTest Bot { get; } = bot;
    public ConnectorInbox Inbox { get; } = inbox;
    public StoreFile Store { get; } = store;
    public SoakPeople People { get; } = people;
    public SoakProgress Progress { get; } = progress;
    public TimeSpan StepTimeout { get; } = stepTimeout;

    /// <summary>
    /// One conversation about a new request at a time per person: their forms land in the same chat, and the soak must know
    /// which form answers which words.
    /// </summary>
    public SemaphoreSlim TypingIn(Persona person)
    {
        lock (_typing)
        {
            return _typing.TryGetValue(person.AadObjectId, out var gate) ? gate : _typing[person.AadObjectId] = new SemaphoreSlim(1, 1);
        }
    }
}

/// <summary>How one lifecycle ended: the request it made (null if none), whether it needed an approval, and why it stopped if it did.</summary>
public sealed record LifecycleOutcome(int Index, string? RequestId, bool NeededApproval, string? Failure);

/// <summary>A request that got stuck: a step did not take effect within the step timeout, however often it was tried.</summary>
public sealed class StuckException(string message) : Exception(message);

/// <summary>
/// One request from words to closed, as people make it: the requester asks and submits the form, the approver approves on
/// the card the bot posted, an agent of the team takes it from the channel card and resolves it, the requester confirms
/// and rates on the resolution notice. A step that fails (a dead bot, an apology, a card not there yet) is done again, as a
/// person would after an error; a step is done when the bot's file shows its effect.
/// </summary>
public sealed class Lifecycle(SoakBench bench, int index, Persona requester, SampleRequest item)
{
    private static readonly TimeSpan CardWait = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(2);

    private string? _requestId;
    private bool _neededApproval;
    private Persona? _agent;

    public async Task<LifecycleOutcome> RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            _requestId = await SubmitAsync(cancellationToken);
            bench.Inbox.Requested(_requestId, requester.PersonalChatId);
            _neededApproval = bench.Store.StateOf(_requestId) == RequestState.AwaitingApproval;
            if (_neededApproval)
            {
                await StepAsync("approve", s => s is not (RequestState.Submitted or RequestState.AwaitingApproval), ApproveAsync, cancellationToken);
            }

            await StepAsync("assign", s => s is not (RequestState.Submitted or RequestState.AwaitingApproval or RequestState.Approved), AssignAsync, cancellationToken);
            await StepAsync("resolve", s => s is RequestState.Fulfilled or RequestState.Closed, ResolveAsync, cancellationToken);
            await StepAsync("confirm", s => s is RequestState.Closed, ConfirmAsync, cancellationToken);
            return new LifecycleOutcome(index, _requestId, _neededApproval, null);
        }
        catch (StuckException stuck)
        {
            return new LifecycleOutcome(index, _requestId, _neededApproval, stuck.Message);
        }
    }

    private TeamsDriver Teams => bench.Bot.Teams;

    private async Task<string> SubmitAsync(CancellationToken cancellationToken)
    {
        var chat = requester.PersonalChatId;
        var gate = bench.TypingIn(requester);
        await gate.WaitAsync(cancellationToken);
        try
        {
            var deadline = DateTime.UtcNow + bench.StepTimeout;
            var pause = FirstPause;
            PostedMessage? form = null;
            while (true)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new StuckException($"lifecycle {index} ({requester.Name}): no request number within {bench.StepTimeout.TotalSeconds:0} s");
                }

                try
                {
                    await bench.Bot.WhenRunningAsync(cancellationToken);
                    if (form is null)
                    {
                        var before = bench.Inbox.FormsIn(chat);
                        using var said = await Teams.SayAsync(requester, item.Words);
                        form = await bench.Inbox.WaitForAsync(inbox => inbox.FormAfter(chat, before), CardWait);
                        if (form is null)
                        {
                            bench.Progress.Retried("ask", $"no form ({(int)said.StatusCode})");
                            pause = await PauseAsync(pause, cancellationToken);
                            continue;
                        }
                    }

                    // The same form clicked again carries the same submission key: one request, whatever the number of clicks.
                    var answer = await Teams.ClickOnCardAsync(requester, chat, form.Card, CardVerbs.IntakeSubmit, item.Inputs);
                    if (answer.HttpStatus == HttpStatusCode.OK && IsCard(answer) && CardReader.RequestNumberIn(answer.CardText) is { } requestId)
                    {
                        bench.Progress.StepDone();
                        return requestId;
                    }

                    bench.Progress.Retried("submit", $"answered {(int)answer.HttpStatus} without a number");
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    bench.Progress.Retried(form is null ? "ask" : "submit", ex.GetType().Name);
                }

                pause = await PauseAsync(pause, cancellationToken);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task ApproveAsync()
    {
        var card = await OfferingAsync(MessageKind.ApprovalCard, CardVerbs.ApprovalApprove);
        if (card is not null)
        {
            var approver = bench.People.Person(bench.Inbox.MemberOf(card.ConversationId)
                ?? throw new InvalidOperationException($"Nobody is known in the chat {card.ConversationId}."));
            await ClickAsync(approver, card, CardVerbs.ApprovalApprove, new JsonObject { ["comment"] = "Approved in the soak" });
        }
    }

    private async Task AssignAsync()
    {
        var card = await OfferingAsync(MessageKind.TeamCard, CardVerbs.AgentAssign);
        if (card is not null)
        {
            _agent = bench.People.AgentFor(card.ConversationId, index);
            await ClickAsync(_agent, card, CardVerbs.AgentAssign);
        }
    }

    private async Task ResolveAsync()
    {
        // The team card shows Resolve once the bot has refreshed it after the assignment.
        var card = await OfferingAsync(MessageKind.TeamCard, CardVerbs.AgentResolve);
        if (card is not null)
        {
            var agent = _agent ?? bench.People.AgentFor(card.ConversationId, index);
            await ClickAsync(agent, card, CardVerbs.AgentResolve, new JsonObject { ["resolution"] = "Handed over in the soak" });
        }
    }

    private async Task ConfirmAsync()
    {
        var card = await OfferingAsync(MessageKind.ResolvedNotice, CardVerbs.RequesterConfirm);
        if (card is not null)
        {
            await ClickAsync(requester, card, CardVerbs.RequesterConfirm, new JsonObject { ["rating"] = "5", ["feedback"] = "Thanks" });
        }
    }

    /// <summary>Does a step again until the bot's file shows it done; stuck after the step timeout.</summary>
    private async Task StepAsync(string step, Func<RequestState?, bool> done, Func<Task> attempt, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + bench.StepTimeout;
        var pause = FirstPause;
        while (true)
        {
            var state = bench.Store.StateOf(_requestId!);
            if (done(state))
            {
                bench.Progress.StepDone();
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new StuckException($"{_requestId}: {step} did not take effect within {bench.StepTimeout.TotalSeconds:0} s (state {state?.ToString() ?? "unknown"})");
            }

            try
            {
                await bench.Bot.WhenRunningAsync(cancellationToken);
                await attempt();
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                bench.Progress.Retried(step, ex.GetType().Name);
            }

            if (!done(bench.Store.StateOf(_requestId!)))
            {
                pause = await PauseAsync(pause, cancellationToken);
            }
        }
    }

    private async Task ClickAsync(Persona who, PostedMessage message, string verb, JsonObject? inputs = null)
    {
        var answer = await Teams.ClickOnCardAsync(who, message.ConversationId, bench.Inbox.CurrentCard(message), verb, inputs);
        if (answer.HttpStatus != HttpStatusCode.OK || !IsCard(answer))
        {
            bench.Progress.Retried(verb, $"answered {(int)answer.HttpStatus} {(IsCard(answer) ? "card" : "message")}");
        }
    }

    /// <summary>The latest message of the kind about the request whose card, as it shows now, offers <paramref name="verb"/>.</summary>
    private Task<PostedMessage?> OfferingAsync(MessageKind kind, string verb) =>
        bench.Inbox.WaitForAsync(
            inbox => inbox.PostsOf(_requestId!).LastOrDefault(p => p.Kind == kind && Offers(inbox.CurrentCard(p), verb)), CardWait);

    private static bool IsCard(InvokeResult answer) => answer.Body["type"]?.GetValue<string>() == Attachment.AdaptiveCardContentType;

    private static bool Offers(JsonObject card, string verb) => CardReader.FindAction(card, verb) is not null;

    /// <summary>Waits as a person would before trying again, longer each time; returns the next wait.</summary>
    private static async Task<TimeSpan> PauseAsync(TimeSpan pause, CancellationToken cancellationToken)
    {
        await Task.Delay(pause, cancellationToken);
        return pause * 2 < LongestPause ? pause * 2 : LongestPause;
    }
}
