using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using ChatRequests.Testing;

namespace ChatRequests.LoadDriver;

/// <summary>
/// Product notices to many chats, against a fake Teams connector that enforces Teams' published limits (429 with
/// Retry-After when a call is over one). The store is seeded with N fulfilled requests of K requesters (N / K each, in
/// turn), resolved three weeks ago, with the organisation's closure settings asking for a reminder after a working day:
/// when the bot starts, its SLA sweep finds every reminder due and the fulfilment worker sends N "Is it working?" notices
/// (the product's <c>ConfirmationReminder</c>, with the Yes / Reopen buttons), through the connector client with Teams'
/// limits as configured by default (not raised). Measured: the time from the first to the last notice the connector
/// accepted, against the least time the limits allow; the 429s; notices lost (not delivered) or delivered twice.
/// </summary>
internal static class NotificationRun
{
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Closing settings under which a request fulfilled three weeks ago is due for its reminder and not yet closed.</summary>
    private static JsonObject Closure() => new() { ["reminderAfterWorkingDays"] = 1, ["autoCloseAfterWorkingDays"] = 90 };

    public static async Task RunAsync(DriverOptions options, string dataFolder, CancellationToken cancellationToken)
    {
        var (count, conversations) = (options.Count, options.Conversations);
        var organisation = BenchOrganisation.Write(dataFolder, conversations, Closure());
        var requesters = organisation.Employees.Select(e => e.Person).ToList();
        var dataFile = Path.Combine(dataFolder, "requests.db");

        await using var connector = await FakeTeamsConnector.StartAsync(cancellationToken);
        var seedFile = Path.Combine(StoreSeeder.FastFolder, $"chatrequests-notices-{Guid.NewGuid():N}.db");
        var seeding = await StoreSeeder.SeedAsync(
            seedFile, organisation.FilePath, requesters, count, _ => SeedFate.Fulfilled, DateTimeOffset.UtcNow.AddDays(-21),
            new SeedChats(connector.ServiceUrl, connector.TenantId), cancellationToken);
        File.Move(seedFile, dataFile);
        // Seeded before the driver is pinned to its core: the seeder may use them all.
        var loadAverage = await LoadRun.StartPinningAsync();
        var limits = TeamsRateLimits.Published;
        connector.EnforceLimits(limits);

        Report.Line("ChatRequests notification run");
        Report.Line($"  machine     {Environment.ProcessorCount} cores; load average before the run {loadAverage}");
        Report.Line($"  store       {count:N0} fulfilled requests of {conversations} requesters ({count / conversations} each, in turn), seeded through the product's use cases in {seeding.TotalSeconds:0} s");
        Report.Line("  notices     the SLA sweep's confirmation reminders (\"Is it working?\"), one per request, each in its requester's personal chat");
        Report.Line("  connector   the fake Teams connector ENFORCES Teams' published limits: per conversation 7/1 s, 8/2 s, 60/30 s, 1,800/h; per tenant 50/1 s;");
        Report.Line("              over a limit it answers 429 with Retry-After (whole seconds); only accepted calls count");
        Report.Line("  bot         its connector client with the default (Teams') limits; fulfilment as in production; pinned as in the other runs");

        var bot = LoadRun.Bot(options, dataFile, connector,
            BenchSettings.BotOnly.Concat(BenchSettings.Logging).Append($"--Directory:Path={organisation.FilePath}").Concat(options.BotSettings), CorePinning.Available);
        await using (bot)
        {
            var startedAt = Stopwatch.GetTimestamp();
            await bot.StartAsync(cancellationToken);
            var chats = requesters.Select(p => p.PersonalChatId).ToHashSet(StringComparer.Ordinal);
            await WaitForNoticesAsync(connector, chats, count, bot, cancellationToken);
            var sinceStart = Stopwatch.GetElapsedTime(startedAt);
            using var http = LoadRun.Client(bot.BaseAddress);
            await new BotHealth(http).WaitUntilFulfilmentIdleAsync(DeliveryTimeout, cancellationToken);
            var botCpu = ProcessCpu.Read(bot.ProcessId);
            var memory = ProcessMemory.Read(bot.ProcessId);

            var calls = connector.Requests;
            var delivered = Notices(calls, chats);
            var distinct = delivered.Select(d => d.RequestId).Distinct().Count();
            var span = delivered[^1].ReceivedAt - delivered[0].ReceivedAt;
            var ideal = limits.MinimumSpan(count, conversations);
            Report.Line("");
            Report.Line(string.Format(Invariant, "  delivered   {0:N0} of {1:N0} notices to {2} chats ({3} lost, {4} delivered twice); nothing parked, fulfilment idle",
                distinct, count, delivered.Select(d => d.ConversationId).Distinct().Count(), count - distinct, delivered.Count - distinct));
            Report.Line(string.Format(Invariant, "  time        first to last notice accepted {0:0.00} s; the limits allow at least {1:0.00} s; measured / ideal {2:0.000}x",
                span.TotalSeconds, ideal.TotalSeconds, span / ideal));
            Report.Line(string.Format(Invariant, "  429s        {0} answered by the connector's limits ({1:N0} calls in all, {2:N0} accepted); from the bot's start to the last notice {3:0.0} s",
                connector.Throttled, calls.Count, calls.Count(c => c.Succeeded), sinceStart.TotalSeconds));
            Report.Line(string.Format(Invariant, "  bot         {0:0.0} s of CPU since its start ({1:0} us per notice); RSS now {2:0.0} MiB, peak {3:0.0} MiB",
                botCpu.TotalSeconds, botCpu.TotalMicroseconds / count, memory.WorkingSetMiB, memory.PeakWorkingSetMiB));
            NoticePace.Report(delivered.Select(d => (d.ConversationId, d.ReceivedAt)).ToList(), limits);
        }
    }

    private sealed record Delivered(string RequestId, string ConversationId, DateTimeOffset ReceivedAt);

    /// <summary>The reminders the connector accepted in the requesters' chats, in the order they arrived.</summary>
    private static List<Delivered> Notices(IEnumerable<FakeConnectorRequest> calls, HashSet<string> chats) =>
    [
        .. calls
            .Where(c => c is { Route: FakeConnectorRoute.SendToConversation, Succeeded: true, ConversationId: { } chat } && chats.Contains(chat))
            .Select(c => (Call: c, Card: c.Activity is { } activity ? FakeTeamsConnector.CardOf(activity) : null))
            .Where(x => x.Card is not null && CardReader.Verbs(x.Card).Contains("requester.confirm"))
            .Select(x => (x.Call, RequestId: PostedCards.RequestNumberIn(CardReader.AllText(x.Card))))
            .Where(x => x.RequestId is not null)
            .Select(x => new Delivered(x.RequestId!, x.Call.ConversationId!, x.Call.ReceivedAt)),
    ];

    private static async Task WaitForNoticesAsync(
        FakeTeamsConnector connector, HashSet<string> chats, int count, BotProcess bot, CancellationToken cancellationToken)
    {
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        var deadline = Stopwatch.GetTimestamp() + (long)(DeliveryTimeout.TotalSeconds * Stopwatch.Frequency);
        var seen = 0;
        while (distinct.Count < count)
        {
            if (bot.HasExited)
            {
                throw new InvalidOperationException("The bot exited during the run.");
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"Only {distinct.Count} of {count} notices were delivered within {DeliveryTimeout.TotalMinutes:0} minutes ({connector.Throttled} 429s).");
            }

            var arrived = connector.RequestsSince(seen);
            seen += arrived.Count;
            distinct.UnionWith(Notices(arrived, chats).Select(d => d.RequestId));
            await Task.Delay(PollInterval, cancellationToken);
        }
    }
}
