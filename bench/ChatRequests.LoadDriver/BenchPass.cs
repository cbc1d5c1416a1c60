using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using ChatRequests.Teams.Connector;
using ChatRequests.Testing;

namespace ChatRequests.LoadDriver;

/// <summary>What the passes share: the fake Teams connector, a Teams driver for each bot, the employees.</summary>
internal sealed record BenchTargets(
    FakeTeamsConnector Connector, TeamsDriver Bot, TeamsDriver Echo, BotHealth Health, IReadOnlyList<Employee> Employees, ApprovalCards ApprovalCards);

/// <summary>The operations measured at one concurrency, and the end-to-end time from a submit to its approval card.</summary>
internal sealed record PassResult(int Concurrency, IReadOnlyList<PhaseResult> Phases, LatencyStats SubmitToApprovalCard);

/// <summary>
/// One pass at one concurrency, in the order the work needs: both echo baselines; the intake message, whose form
/// cards are then submitted; the approval cards those submits make the fulfilment worker post, which the managers
/// then approve; last "my requests", over the requests just made. Fulfilment is drained between steps, so background
/// work of one step does not land in the next one's figures.
/// </summary>
internal sealed class BenchPass(BenchTargets targets, int concurrency, int warmup, int count)
{
    public const string EchoMessage = "(a) echo message";
    public const string MyRequests = "(b) \"my requests\"";
    public const string Intake = "(c) \"I need a new laptop\"";
    public const string Submit = "(d) form submit";
    public const string Approve = "(e) approval click";
    public const string EchoInvoke = "(f) echo invoke";

    private static readonly JsonObject LaptopInputs = new()
    {
        ["urgency"] = "High",
        ["field.costCentre"] = "CC-4711",
        ["field.deliveryLocation"] = "Berlin office",
        ["field.keyboardLayout"] = "German (QWERTZ)",
    };

    private static readonly TimeSpan FulfilmentTimeout = TimeSpan.FromSeconds(60);

    private readonly PhaseRunner _runner = new(targets.Employees.Count, concurrency, warmup, count);
    private readonly JsonObject?[] _forms = new JsonObject?[warmup + count];
    private readonly string?[] _requestIds = new string?[warmup + count];
    private readonly DateTimeOffset[] _submittedAt = new DateTimeOffset[warmup + count];
    private IReadOnlyDictionary<string, ApprovalCard> _approvalCards = new Dictionary<string, ApprovalCard>();

    public async Task<PassResult> RunAsync(CancellationToken cancellationToken)
    {
        var phases = new List<PhaseResult>
        {
            await MeasureAsync(EchoMessage, EchoMessageAsync, cancellationToken),
            await MeasureAsync(EchoInvoke, EchoInvokeAsync, cancellationToken),
            await MeasureAsync(Intake, IntakeAsync, cancellationToken),
            await MeasureAsync(Submit, SubmitAsync, cancellationToken),
        };

        _approvalCards = await targets.ApprovalCards.WaitForAsync([.. _requestIds.Select(id => id!)], FulfilmentTimeout, cancellationToken);
        var submitToCard = LatencyStats.Of(
            [.. _runner.MeasuredRuns.Select(run => (_approvalCards[_requestIds[run]!].ReceivedAt - _submittedAt[run]).TotalMilliseconds)]);
        await targets.Health.WaitUntilFulfilmentIdleAsync(FulfilmentTimeout, cancellationToken);

        phases.Add(await MeasureAsync(Approve, ApproveAsync, cancellationToken));
        await targets.Health.WaitUntilFulfilmentIdleAsync(FulfilmentTimeout, cancellationToken);
        phases.Add(await MeasureAsync(MyRequests, MyRequestsAsync, cancellationToken));
        return new PassResult(concurrency, phases, submitToCard);
    }

    private async Task<PhaseResult> MeasureAsync(string operation, PhaseRunner.Operation run, CancellationToken cancellationToken)
    {
        var (milliseconds, wall) = await _runner.RunAsync(run, cancellationToken);
        return new PhaseResult(operation, LatencyStats.Of(milliseconds), wall);
    }

    private Employee EmployeeOf(int run) => targets.Employees[_runner.EmployeeOf(run)];

    // ---- the operations: each times the POST until the response, and checks the answer outside the timing ----

    private async Task<TimeSpan> EchoMessageAsync(int run)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await targets.Echo.SayAsync(EmployeeOf(run).Person, "hello");
        var elapsed = Stopwatch.GetElapsedTime(started);
        EnsureOk(response, EchoMessage);
        return elapsed;
    }

    private async Task<TimeSpan> EchoInvokeAsync(int run)
    {
        var who = EmployeeOf(run).Person;
        var started = Stopwatch.GetTimestamp();
        var result = await targets.Echo.ClickAsync(who, who.PersonalChatId, "echo.ping", new JsonObject { ["run"] = run });
        var elapsed = Stopwatch.GetElapsedTime(started);
        Check(result.StatusCode == 200 && result.Body["type"]?.GetValue<string>() == InvokeResponse.AdaptiveCardType,
            EchoInvoke, $"answered {result.Body.ToJsonString()}");
        return elapsed;
    }

    private async Task<TimeSpan> IntakeAsync(int run)
    {
        var who = EmployeeOf(run).Person;
        var before = targets.Connector.ActivitiesIn(who.PersonalChatId).Count;
        var started = Stopwatch.GetTimestamp();
        using var response = await targets.Bot.SayAsync(who, "I need a new laptop");
        var elapsed = Stopwatch.GetElapsedTime(started);
        EnsureOk(response, Intake);
        // The bot replies before it answers the POST, so the form is already at the connector.
        _forms[run] = targets.Connector.ActivitiesIn(who.PersonalChatId).Skip(before)
            .Select(FakeTeamsConnector.CardOf)
            .LastOrDefault(card => card is not null && CardReader.FindAction(card, "intake.submit") is not null);
        Check(_forms[run] is not null, Intake, $"no form card reached {who.Name}'s chat");
        return elapsed;
    }

    private async Task<TimeSpan> SubmitAsync(int run)
    {
        var who = EmployeeOf(run).Person;
        _submittedAt[run] = DateTimeOffset.UtcNow;
        var started = Stopwatch.GetTimestamp();
        var result = await targets.Bot.ClickOnCardAsync(who, who.PersonalChatId, _forms[run]!, "intake.submit", LaptopInputs);
        var elapsed = Stopwatch.GetElapsedTime(started);
        _requestIds[run] = ApprovalCards.RequestNumberIn(result.CardText);
        Check(_requestIds[run] is not null, Submit, $"no request number in the answer: {Shorten(result.CardText)}");
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
        Check(result.CardText.Contains("Approved by you", StringComparison.Ordinal), Approve, $"{manager.Name} got: {Shorten(result.CardText)}");
        return elapsed;
    }

    private async Task<TimeSpan> MyRequestsAsync(int run)
    {
        var who = EmployeeOf(run).Person;
        var started = Stopwatch.GetTimestamp();
        using var response = await targets.Bot.SayAsync(who, "my requests");
        var elapsed = Stopwatch.GetElapsedTime(started);
        EnsureOk(response, MyRequests);
        var reply = targets.Connector.ActivitiesIn(who.PersonalChatId)[^1];
        Check(CardReader.AllText(FakeTeamsConnector.CardOf(reply)).Contains("Your requests", StringComparison.Ordinal),
            MyRequests, $"{who.Name} got: {Shorten(reply.Text ?? CardReader.AllText(FakeTeamsConnector.CardOf(reply)))}");
        return elapsed;
    }

    private static void EnsureOk(HttpResponseMessage response, string operation) =>
        Check(response.StatusCode == HttpStatusCode.OK, operation, $"HTTP {(int)response.StatusCode}");

    private static void Check(bool condition, string operation, string problem)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"{operation}: {problem}");
        }
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "...";
}
