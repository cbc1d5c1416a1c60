using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using ChatRequests.Teams.Connector;
using ChatRequests.Testing;

namespace ChatRequests.LoadDriver;

/// <summary>What the passes share: the fake Teams connector, a Teams driver and process id for each bot, the employees, the posted cards.</summary>
internal sealed record BenchTargets(
    FakeTeamsConnector Connector,
    TeamsDriver Bot,
    int BotProcessId,
    TeamsDriver Echo,
    int EchoProcessId,
    BotHealth Health,
    IReadOnlyList<Employee> Employees,
    ApprovalCards ApprovalCards,
    TeamCards TeamCards)
{
    /// <summary>Whether the bot reads with its sentence encoder (ready before the run): then a pass also sends <see cref="TurnKind.Meaning"/>.</summary>
    public bool EncoderReady { get; init; }

    /// <summary>The OTLP sink the bot exports to (<c>--telemetry otlp</c>), where the lifecycles read the store's counters; else null.</summary>
    public OtlpSink? Metrics { get; init; }
}

/// <summary>The turn kinds measured at one concurrency, and the end-to-end time from a submit to its approval card.</summary>
internal sealed record PassResult(int Concurrency, IReadOnlyList<PhaseResult> Phases, LatencyStats SubmitToApprovalCard);

/// <summary>
/// One pass at one concurrency, in the order the work needs: both echo baselines; help; the intake message, whose form
/// cards are then submitted; the approval cards those submits make the fulfilment worker post, which the managers
/// then approve; the team cards those approvals post, on which an agent clicks "Assign to me"; last "my requests",
/// over the requests just made. The bot's fulfilment is drained after each phase (that CPU time is reported apart)
/// and after each warmup, so background work of one step does not land in the next one's figures.
/// </summary>
internal sealed class BenchPass(BenchTargets targets, int concurrency, int warmup, int count)
{
    private static readonly JsonObject LaptopInputs = new()
    {
        ["urgency"] = "High",
        ["field.costCentre"] = "CC-4711",
        ["field.deliveryLocation"] = "Berlin office",
        ["field.keyboardLayout"] = "German (QWERTZ)",
    };

    private static readonly TimeSpan FulfilmentTimeout = TimeSpan.FromSeconds(120);

    private readonly PhaseRunner _runner = new(targets.Employees.Count, concurrency, warmup, count);
    private readonly JsonObject?[] _forms = new JsonObject?[warmup + count];
    private readonly string?[] _requestIds = new string?[warmup + count];
    private readonly DateTimeOffset[] _submittedAt = new DateTimeOffset[warmup + count];
    private IReadOnlyDictionary<string, PostedCard> _approvalCards = new Dictionary<string, PostedCard>();
    private IReadOnlyDictionary<string, PostedCard> _teamCards = new Dictionary<string, PostedCard>();

    /// <summary>Run only to warm the bots up: no progress lines (no profile windows).</summary>
    public bool IsWarmUp { get; init; }

    public async Task<PassResult> RunAsync(CancellationToken cancellationToken)
    {
        var phases = new List<PhaseResult>
        {
            await MeasureAsync(TurnKind.EchoMessage, EchoMessageAsync, cancellationToken),
            await MeasureAsync(TurnKind.EchoInvoke, EchoInvokeAsync, cancellationToken),
            await MeasureAsync(TurnKind.Help, HelpAsync, cancellationToken),
            await MeasureAsync(TurnKind.Intake, IntakeAsync, cancellationToken),
            await MeasureAsync(TurnKind.Submit, SubmitAsync, cancellationToken),
        };
        if (targets.EncoderReady)
        {
            phases.Add(await MeasureAsync(TurnKind.Meaning, MeaningAsync, cancellationToken));
        }

        _approvalCards = await targets.ApprovalCards.WaitForAsync(AllRequestIds(), FulfilmentTimeout, cancellationToken);
        var submitToCard = LatencyStats.Of(
            [.. _runner.MeasuredRuns.Select(run => (_approvalCards[_requestIds[run]!].ReceivedAt - _submittedAt[run]).TotalMilliseconds)]);

        phases.Add(await MeasureAsync(TurnKind.Approve, ApproveAsync, cancellationToken));
        _teamCards = await targets.TeamCards.WaitForAsync(AllRequestIds(), FulfilmentTimeout, cancellationToken);
        phases.Add(await MeasureAsync(TurnKind.Assign, AssignAsync, cancellationToken));
        phases.Add(await MeasureAsync(TurnKind.MyRequests, MyRequestsAsync, cancellationToken));
        return new PassResult(concurrency, phases, submitToCard);
    }

    private string[] AllRequestIds() => [.. _requestIds.Select(id => id!)];

    private async Task<PhaseResult> MeasureAsync(TurnKind kind, PhaseRunner.Operation run, CancellationToken cancellationToken)
    {
        if (kind.IsEcho)
        {
            var echo = await _runner.RunAsync(run, targets.EchoProcessId, () => Task.CompletedTask, cancellationToken);
            return Result(kind, echo, TimeSpan.Zero, 0);
        }

        var measured = await _runner.RunAsync(run, targets.BotProcessId, () => FulfilmentIdleAsync(cancellationToken), cancellationToken);
        var before = ProcessCpu.Read(targets.BotProcessId);
        var readBefore = ProcessIo.ReadBytes(targets.BotProcessId);
        await FulfilmentIdleAsync(cancellationToken);
        return Result(kind, measured, ProcessCpu.Read(targets.BotProcessId) - before, ProcessIo.ReadBytes(targets.BotProcessId) - readBefore);
    }

    private PhaseResult Result(TurnKind kind, PhaseMeasurement measured, TimeSpan fulfilmentCpu, long fulfilmentReadBytes)
    {
        if (!IsWarmUp)
        {
            Report.Progress(kind, concurrency, kind.IsEcho ? targets.EchoProcessId : targets.BotProcessId, measured.StartedAt, measured.EndedAt);
        }

        return new(kind, LatencyStats.Of(measured.Milliseconds), measured.Wall, measured.TargetCpu, fulfilmentCpu, measured.DriverCpu)
        {
            ReadBytes = (measured.TargetReadBytes, fulfilmentReadBytes),
        };
    }

    private Task FulfilmentIdleAsync(CancellationToken cancellationToken) =>
        targets.Health.WaitUntilFulfilmentIdleAsync(FulfilmentTimeout, cancellationToken);

    private Employee EmployeeOf(int run) => targets.Employees[_runner.EmployeeOf(run)];

    // ---- the operations: each times the POST until the response, and checks the answer outside the timing ----

    private async Task<TimeSpan> EchoMessageAsync(int run)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await targets.Echo.SayAsync(EmployeeOf(run).Person, "hello");
        var elapsed = Stopwatch.GetElapsedTime(started);
        EnsureOk(response, TurnKind.EchoMessage);
        return elapsed;
    }

    private async Task<TimeSpan> EchoInvokeAsync(int run)
    {
        var who = EmployeeOf(run).Person;
        var started = Stopwatch.GetTimestamp();
        var result = await targets.Echo.ClickAsync(who, who.PersonalChatId, "echo.ping", new JsonObject { ["run"] = run });
        var elapsed = Stopwatch.GetElapsedTime(started);
        Check(result.StatusCode == 200 && result.Body["type"]?.GetValue<string>() == InvokeResponse.AdaptiveCardType,
            TurnKind.EchoInvoke, $"answered {result.Body.ToJsonString()}");
        return elapsed;
    }

    private async Task<TimeSpan> HelpAsync(int run)
    {
        var who = EmployeeOf(run).Person;
        var elapsed = await SayToBotAsync(who, "help", TurnKind.Help);
        var reply = LastCardIn(who.PersonalChatId);
        Check(CardReader.AllText(reply).Contains("What you can type", StringComparison.Ordinal), TurnKind.Help, $"{who.Name} got: {Shorten(CardReader.AllText(reply))}");
        return elapsed;
    }

    private async Task<TimeSpan> IntakeAsync(int run)
    {
        var who = EmployeeOf(run).Person;
        var elapsed = await SayToBotAsync(who, "I need a new laptop", TurnKind.Intake);
        _forms[run] = LastCardIn(who.PersonalChatId);
        Check(_forms[run] is { } form && CardReader.FindAction(form, "intake.submit") is not null, TurnKind.Intake, $"no form card reached {who.Name}'s chat");
        return elapsed;
    }

    /// <summary>
    /// A message that names no catalog item, so the words are not decisive and the encoder reads it (ADR 0041): what a
    /// turn costs when the meaning is read. The answer is checked in the bot's tests (SentenceEncoderBotTests).
    /// </summary>
    private async Task<TimeSpan> MeaningAsync(int run)
    {
        var who = EmployeeOf(run).Person;
        var before = targets.Connector.ActivitiesIn(who.PersonalChatId).Count;
        var elapsed = await SayToBotAsync(who, SampleRequest.MouseByMeaning, TurnKind.Meaning);
        Check(targets.Connector.ActivitiesIn(who.PersonalChatId).Count > before, TurnKind.Meaning, $"no answer reached {who.Name}'s chat");
        return elapsed;
    }

    private async Task<TimeSpan> SubmitAsync(int run)
    {
        var who = EmployeeOf(run).Person;
        _submittedAt[run] = DateTimeOffset.UtcNow;
        var started = Stopwatch.GetTimestamp();
        var result = await targets.Bot.ClickOnCardAsync(who, who.PersonalChatId, _forms[run]!, "intake.submit", LaptopInputs);
        var elapsed = Stopwatch.GetElapsedTime(started);
        _requestIds[run] = PostedCards.RequestNumberIn(result.CardText);
        Check(_requestIds[run] is not null, TurnKind.Submit, $"no request number in the answer: {Shorten(result.CardText)}");
        return elapsed;
    }

    private async Task<TimeSpan> ApproveAsync(int run)
    {
        var approval = _approvalCards[_requestIds[run]!];
        var manager = EmployeeOf(run).Manager;
        var started = Stopwatch.GetTimestamp();
        var result = await targets.Bot.ClickOnCardAsync(
            manager, approval.ConversationId, approval.Card, "approval.approve", new JsonObject { ["comment"] = "Approved in the load run" });
        var elapsed = Stopwatch.GetElapsedTime(started);
        Check(result.CardText.Contains("Approved by you", StringComparison.Ordinal), TurnKind.Approve, $"{manager.Name} got: {Shorten(result.CardText)}");
        return elapsed;
    }

    private async Task<TimeSpan> AssignAsync(int run)
    {
        var teamCard = _teamCards[_requestIds[run]!];
        var agent = EmployeeOf(run).Agent;
        var started = Stopwatch.GetTimestamp();
        var result = await targets.Bot.ClickOnCardAsync(agent, teamCard.ConversationId, teamCard.Card, "agent.assign");
        var elapsed = Stopwatch.GetElapsedTime(started);
        Check(result.CardText.Contains(agent.Name, StringComparison.Ordinal) && CardReader.FindAction(result.Card, "agent.assign") is null,
            TurnKind.Assign, $"{agent.Name} got: {Shorten(result.CardText)}");
        return elapsed;
    }

    private async Task<TimeSpan> MyRequestsAsync(int run)
    {
        var who = EmployeeOf(run).Person;
        var elapsed = await SayToBotAsync(who, "my requests", TurnKind.MyRequests);
        var reply = LastCardIn(who.PersonalChatId);
        Check(CardReader.AllText(reply).Contains("Your requests", StringComparison.Ordinal), TurnKind.MyRequests, $"{who.Name} got: {Shorten(CardReader.AllText(reply))}");
        return elapsed;
    }

    private async Task<TimeSpan> SayToBotAsync(Persona who, string text, TurnKind kind)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await targets.Bot.SayAsync(who, text);
        var elapsed = Stopwatch.GetElapsedTime(started);
        EnsureOk(response, kind);
        return elapsed;
    }

    /// <summary>The bot replies before it answers the POST, so its reply is already the last activity in the chat.</summary>
    private JsonObject? LastCardIn(string conversationId) =>
        targets.Connector.ActivitiesIn(conversationId) is [.., var last] ? FakeTeamsConnector.CardOf(last) : null;

    private static void EnsureOk(HttpResponseMessage response, TurnKind kind) =>
        Check(response.StatusCode == HttpStatusCode.OK, kind, $"HTTP {(int)response.StatusCode}");

    private static void Check(bool condition, TurnKind kind, string problem)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"{kind.Name}: {problem}");
        }
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "...";
}
