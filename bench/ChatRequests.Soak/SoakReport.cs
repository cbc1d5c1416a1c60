using System.Globalization;
using ChatRequests.Cards;
using ChatRequests.Core.Requests;
using ChatRequests.Teams.Connector;
using ChatRequests.Testing;

namespace ChatRequests.Soak;

/// <summary>What a run leaves to check: the lifecycles' outcomes, what reached Teams, the bot's file and the faults.</summary>
public sealed record SoakFacts(
    SoakOptions Options,
    IReadOnlyList<LifecycleOutcome?> Outcomes,
    ConnectorInbox Inbox,
    StoreFile Store,
    FaultPlan Faults,
    BotUnderTest Bot,
    SoakProgress Progress,
    FakeTeamsConnector Connector,
    TimeSpan Duration,
    string? Unfinished,
    string LoadBefore,
    string LoadAfter);

/// <summary>
/// One kind of message: how many requests were promised it and got it, how often it was posted, and why it was posted
/// more than once. The Bot Connector has no idempotency key, so Teams may accept a post whose sender never learns it:
/// a copy is "answered after the timeout" when Teams answered the copy before it only after the bot's attempt timeout
/// (the bot had given up and tried again), "in flight at a kill" when the copy before it was never recorded by the bot
/// and a kill came between the two, "store fault between" likewise with the file read-only instead of a kill. A copy
/// "after a completed post" (the bot had recorded the earlier copy) or with "no cause" is a bug.
/// </summary>
public sealed record MessageFigures(
    string Message,
    int Expected,
    int Delivered,
    int Posts,
    int Duplicates,
    int AnsweredAfterTimeout,
    int InFlightAtKill,
    int StoreFaultBetween,
    int AfterCompletedPost,
    int NoCause);

/// <summary>Why a message reached Teams again (see <see cref="MessageFigures"/>).</summary>
public enum RepeatCause
{
    AnsweredAfterTimeout,
    InFlightAtKill,
    StoreFaultBetween,
    AfterCompletedPost,
    NoCause,
}

/// <summary>One kind of fault: how many were injected, their size, and how long until the run went on after them.</summary>
public sealed record RecoveryFigures(FaultKind Kind, int Injected, string Size, string Recovery, TimeSpan? Median, TimeSpan? Max);

/// <summary>The outcome of a soak: the figures, the table, and what failed (<see cref="Violations"/>).</summary>
public sealed class SoakReport
{
    private const string ApprovalDecided = "approval card shows the decision";
    private const string TeamCardClosed = "team card shows it closed";

    public required SoakOptions Options { get; init; }
    public required TimeSpan Duration { get; init; }
    /// <summary>Why the run ended before every lifecycle did (out of time, stopped), or null.</summary>
    public required string? Unfinished { get; init; }
    public required string LoadBefore { get; init; }
    public required string LoadAfter { get; init; }
    public required int WithApproval { get; init; }
    public required int Closed { get; init; }
    public required IReadOnlyList<string> Stuck { get; init; }
    public required IReadOnlyList<string> Lost { get; init; }
    public required IReadOnlyList<string> NotClosed { get; init; }
    public required IReadOnlyList<string> Unknown { get; init; }
    public required IReadOnlyList<string> Parked { get; init; }
    public required IReadOnlyList<string> Missing { get; init; }
    public required IReadOnlyList<MessageFigures> Messages { get; init; }
    /// <summary>Each copy beyond the first: the message, the request, when both copies reached Teams, and the cause.</summary>
    public required IReadOnlyList<string> Repeats { get; init; }
    public required IReadOnlyList<RecoveryFigures> Recovery { get; init; }
    public required IReadOnlyList<string> NotInjected { get; init; }
    public required long RepostsCountedByBot { get; init; }
    public required int ConnectorCalls { get; init; }
    public required int FailedConnectorCalls { get; init; }
    public required IReadOnlyDictionary<string, int> Retries { get; init; }

    public int DuplicatesAfterCompletedPosts => Messages.Sum(m => m.AfterCompletedPost);

    public int DuplicatesWithoutCause => Messages.Sum(m => m.NoCause);

    /// <summary>What the soak asserts, in words: empty when the run passed.</summary>
    public IReadOnlyList<string> Violations =>
    [
        .. Unfinished is null ? Array.Empty<string>() : [$"the run {Unfinished}"],
        .. Stuck.Select(s => $"stuck: {s}"),
        .. Lost.Select(id => $"lost: {id} was confirmed to its requester but is not stored"),
        .. NotClosed.Select(s => $"not closed: {s}"),
        .. Parked.Select(p => $"parked: {p}"),
        .. Missing.Select(m => $"never delivered: {m}"),
        .. DuplicatesAfterCompletedPosts > 0 ? [$"{DuplicatesAfterCompletedPosts} duplicates of posts the bot had recorded as completed"] : Array.Empty<string>(),
        .. DuplicatesWithoutCause > 0 ? [$"{DuplicatesWithoutCause} duplicates with no timeout, kill or store fault to explain them"] : Array.Empty<string>(),
        .. NotInjected.Select(f => $"fault not injected: {f}"),
    ];

    public static SoakReport Build(SoakFacts facts)
    {
        var outcomes = facts.Outcomes;
        var stored = facts.Store.ReadAll().ToDictionary(r => r.Id, StringComparer.Ordinal);
        var made = outcomes.OfType<LifecycleOutcome>().Where(o => o.RequestId is not null).ToList();
        var madeIds = made.Select(o => o.RequestId!).ToHashSet(StringComparer.Ordinal);
        var injected = facts.Faults.Injected;
        var (messages, repeats) = MessageCounts(made, facts, injected);
        return new SoakReport
        {
            Options = facts.Options,
            Duration = facts.Duration,
            Unfinished = facts.Unfinished,
            LoadBefore = facts.LoadBefore,
            LoadAfter = facts.LoadAfter,
            WithApproval = made.Count(o => o.NeededApproval),
            Closed = made.Count(o => stored.TryGetValue(o.RequestId!, out var r) && r.State == RequestState.Closed),
            Stuck =
            [
                .. outcomes.Select((o, i) => o is null ? $"lifecycle {i} did not finish" : o.Failure).OfType<string>(),
            ],
            Lost = [.. madeIds.Where(id => !stored.ContainsKey(id)).Order(StringComparer.Ordinal)],
            NotClosed = [.. stored.Values.Where(r => !r.State.IsFinal()).Select(r => $"{r.Id} is {r.State}").Order(StringComparer.Ordinal)],
            Unknown = [.. stored.Keys.Where(id => !madeIds.Contains(id)).Order(StringComparer.Ordinal)],
            Parked = [.. stored.Values.SelectMany(r => r.Parked.Select(p => $"{r.Id} {p}"))],
            Missing = MissingMessages(made, facts.Inbox),
            Messages = messages,
            Repeats = repeats,
            Recovery = RecoveryTimes(facts, injected),
            NotInjected = [.. facts.Faults.Faults.Skip(injected.Count).Select(f => $"{f.Kind} at step {f.AtStep}")],
            RepostsCountedByBot = facts.Store.InterruptedPosts(),
            ConnectorCalls = facts.Connector.Requests.Count,
            FailedConnectorCalls = facts.Connector.Requests.Count(r => !r.Succeeded),
            Retries = new SortedDictionary<string, int>(facts.Progress.Retries.ToDictionary(), StringComparer.Ordinal),
        };
    }

    /// <summary>What the product promises a request like these (README, *How a request flows*), message by message.</summary>
    private static IEnumerable<(string Message, bool Promised, bool Delivered)> Promises(LifecycleOutcome outcome, ConnectorInbox inbox)
    {
        var posts = inbox.PostsOf(outcome.RequestId!);
        bool Posted(MessageKind kind) => posts.Any(p => p.Kind == kind);
        bool AnyShows(MessageKind kind, Func<IReadOnlyList<string>, bool> shows) =>
            posts.Where(p => p.Kind == kind).Any(p => shows(CardReader.Verbs(inbox.CurrentCard(p))));

        yield return ("approval card", outcome.NeededApproval, Posted(MessageKind.ApprovalCard));
        yield return (ApprovalDecided, outcome.NeededApproval, AnyShows(MessageKind.ApprovalCard, verbs => !verbs.Contains(CardVerbs.ApprovalApprove)));
        yield return ("approved notice", outcome.NeededApproval, Posted(MessageKind.ApprovedNotice));
        yield return ("team card", true, Posted(MessageKind.TeamCard));
        yield return ("assigned notice", true, Posted(MessageKind.AssignedNotice));
        yield return ("resolved notice", true, Posted(MessageKind.ResolvedNotice));
        yield return (TeamCardClosed, true, AnyShows(MessageKind.TeamCard, verbs => !verbs.Any(v => v.StartsWith("agent.", StringComparison.Ordinal))));
    }

    private static IReadOnlyList<string> MissingMessages(IReadOnlyList<LifecycleOutcome> made, ConnectorInbox inbox) =>
        [.. made.Where(o => o.Failure is null)
            .SelectMany(o => Promises(o, inbox).Where(p => p.Promised && !p.Delivered).Select(p => $"{o.RequestId}: {p.Message}"))];

    private static (IReadOnlyList<MessageFigures> Rows, IReadOnlyList<string> Repeats) MessageCounts(
        IReadOnlyList<LifecycleOutcome> made, SoakFacts facts, IReadOnlyList<InjectedFault> injected)
    {
        var finished = made.Where(o => o.Failure is null).ToList();
        var promised = finished.SelectMany(o => Promises(o, facts.Inbox))
            .GroupBy(p => p.Message)
            .ToDictionary(g => g.Key, g => (Expected: g.Count(p => p.Promised), Delivered: g.Count(p => p.Promised && p.Delivered)));
        var recorded = facts.Store.RecordedActivityIds();
        var kills = injected.Where(f => f.Plan.Kind == FaultKind.Kill).ToList();
        var storeFaults = injected.Where(f => f.Plan.Kind == FaultKind.StoreReadOnly).ToList();
        var copies = facts.Inbox.Posts.Where(p => p.RequestId is not null)
            .GroupBy(p => p.Label)
            .ToDictionary(
                g => g.Key,
                // Copies of one message land in one chat, or (team cards, each a new thread) in one channel.
                g => g.GroupBy(p => (p.RequestId, ConversationIds.ChannelOf(p.ConversationId))).Select(c => c.OrderBy(p => p.At).ToList()).ToList());

        RepeatCause CauseOf(PostedMessage earlier, PostedMessage copy) =>
            recorded.Contains(earlier.ActivityId) ? RepeatCause.AfterCompletedPost
            : earlier.AnsweredAfter > SoakRun.AttemptTimeout ? RepeatCause.AnsweredAfterTimeout
            // The earlier copy reached Teams before the new process answered (a dying process's last post can be read a
            // moment after the kill), and the copy after the kill.
            : kills.Any(k => earlier.At <= k.End && copy.At >= k.Start) ? RepeatCause.InFlightAtKill
            : storeFaults.Any(f => f.End >= earlier.At && f.Start <= copy.At) ? RepeatCause.StoreFaultBetween
            : RepeatCause.NoCause;

        var rows = new List<MessageFigures>();
        var repeats = new List<string>();
        foreach (var message in promised.Keys.Concat(copies.Keys).Distinct())
        {
            var (expected, delivered) = promised.GetValueOrDefault(message);
            var groups = copies.GetValueOrDefault(message) ?? [];
            var causes = groups
                .SelectMany(posts => posts.Skip(1).Select((copy, i) => (Earlier: posts[i], Copy: copy, Cause: CauseOf(posts[i], copy))))
                .ToList();
            repeats.AddRange(causes.Select(c =>
                $"{message} of {c.Copy.RequestId}: {Time(c.Earlier.At)} (answered in {Seconds(c.Earlier.AnsweredAfter)}, activity " +
                $"{c.Earlier.ActivityId}) and again {Time(c.Copy.At)} (activity {c.Copy.ActivityId}): {c.Cause}"));
            int Count(RepeatCause cause) => causes.Count(c => c.Cause == cause);
            var posted = groups.Sum(g => g.Count);
            rows.Add(new MessageFigures(
                message, expected, delivered, posted, posted - groups.Count, Count(RepeatCause.AnsweredAfterTimeout), Count(RepeatCause.InFlightAtKill),
                Count(RepeatCause.StoreFaultBetween), Count(RepeatCause.AfterCompletedPost), Count(RepeatCause.NoCause)));
        }

        return (rows, repeats);
    }

    private static IReadOnlyList<RecoveryFigures> RecoveryTimes(SoakFacts facts, IReadOnlyList<InjectedFault> injected)
    {
        var requests = facts.Connector.Requests;
        var rows = new List<RecoveryFigures>();
        foreach (var kind in Enum.GetValues<FaultKind>())
        {
            var faults = injected.Where(f => f.Plan.Kind == kind).ToList();
            if (faults.Count == 0)
            {
                continue;
            }

            rows.Add(kind switch
            {
                FaultKind.Kill => Figures(
                    kind, faults, $"restart {Spread(faults.Select(f => f.End - f.Start))}", "first step done after the restart",
                    faults.Select(f => facts.Progress.FirstStepAfter(f.End) - f.End)),
                FaultKind.StoreReadOnly => Figures(
                    kind, faults, $"read-only {Spread(faults.Select(f => f.End - f.Start))}", "first step done after writable again",
                    faults.Select(f => facts.Progress.FirstStepAfter(f.End) - f.End)),
                _ => Figures(
                    kind, faults, $"{faults.Sum(f => f.Plan.Size)} calls", "first call answered after the stretch, from its start",
                    faults.Select(f => ConnectorRecovery(requests, f))),
            });
        }

        return rows;
    }

    private static RecoveryFigures Figures(FaultKind kind, IReadOnlyList<InjectedFault> faults, string size, string recovery, IEnumerable<TimeSpan?> times)
    {
        var known = times.OfType<TimeSpan>().Order().ToList();
        return new RecoveryFigures(kind, faults.Count, size, recovery, known.Count == 0 ? null : known[known.Count / 2], known.Count == 0 ? null : known[^1]);
    }

    /// <summary>From the stretch's start to the first call answered well after its last failure (429, 5xx, or a hang given up: 499).</summary>
    private static TimeSpan? ConnectorRecovery(IReadOnlyList<FakeConnectorRequest> requests, InjectedFault fault)
    {
        var failure = fault.Plan.Kind == FaultKind.Hang ? 499 : fault.Plan.StatusCode;
        var failed = requests.Where(r => r.ReceivedAt >= fault.Start && r.StatusCode == failure).Take(fault.Plan.Size).ToList();
        if (failed.Count == 0)
        {
            return null;
        }

        var last = failed[^1].ReceivedAt;
        return requests.FirstOrDefault(r => r.ReceivedAt > last && r.Succeeded)?.ReceivedAt - fault.Start;
    }

    private static string Spread(IEnumerable<TimeSpan> times)
    {
        var sorted = times.Order().ToList();
        return sorted.Count == 0 ? "-" : $"{Seconds(sorted[sorted.Count / 2])} median, {Seconds(sorted[^1])} max";
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan? time) => time is { } t ? t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s" : "-";

    /// <summary>The summary: the run, the end state, messages with duplicates by cause, recovery by fault, people's retries.</summary>
    public void Print(TextWriter output)
    {
        var made = Messages.FirstOrDefault(m => m.Message == "team card")?.Expected ?? 0;
        output.WriteLine(
            $"Soak: {Options.Lifecycles} lifecycles ({WithApproval} with an approval), {Options.Concurrency} at a time, seed {Options.Seed}, " +
            $"{Seconds(Duration)}; load average {LoadBefore} before, {LoadAfter} after ({Environment.ProcessorCount} cores)");
        output.WriteLine(
            $"lost {Lost.Count} | closed {Closed} of {Options.Lifecycles} | stuck {Stuck.Count} | not closed {NotClosed.Count} | parked {Parked.Count} | " +
            $"never delivered {Missing.Count} | unknown requests {Unknown.Count} | lifecycles checked {made}");
        output.WriteLine();
        output.WriteLine(
            "| message | expected | delivered | posts | duplicates | answered after the timeout | in flight at a kill | store fault between | after a completed post | no cause |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var m in Messages)
        {
            output.WriteLine($"| {m.Message} | {m.Expected} | {m.Delivered} | {m.Posts} | {m.Duplicates} | {m.AnsweredAfterTimeout} | {m.InFlightAtKill} | {m.StoreFaultBetween} | {m.AfterCompletedPost} | {m.NoCause} |");
        }

        output.WriteLine();
        output.WriteLine("| fault | injected | size | recovery | median | max |");
        output.WriteLine("|---|---:|---|---|---:|---:|");
        foreach (var r in Recovery)
        {
            output.WriteLine($"| {r.Kind} | {r.Injected} | {r.Size} | {r.Recovery} | {Seconds(r.Median)} | {Seconds(r.Max)} |");
        }

        output.WriteLine();
        output.WriteLine($"Connector calls {ConnectorCalls} ({FailedConnectorCalls} failed or given up); posts the bot itself counted as made again after an interruption: {RepostsCountedByBot}");
        foreach (var repeat in Repeats)
        {
            output.WriteLine($"Repeat: {repeat}");
        }

        output.WriteLine($"People tried again: {(Retries.Count == 0 ? "never" : string.Join("; ", Retries.Select(r => $"{r.Key} x{r.Value}")))}");
        foreach (var violation in Violations)
        {
            output.WriteLine($"FAILED: {violation}");
        }
    }
}
