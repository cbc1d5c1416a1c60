using ChatRequests.Testing;

namespace ChatRequests.Soak;

public enum FaultKind
{
    /// <summary>kill -9 of the bot, then a restart on the same file.</summary>
    Kill,
    /// <summary>A stretch of Bot Connector calls answered 429 with Retry-After: 1.</summary>
    Throttled,
    /// <summary>A stretch of calls answered 500, 502, 503 or 504.</summary>
    ServerError,
    /// <summary>A stretch of calls that do not answer for longer than the client's attempt timeout.</summary>
    Hang,
    /// <summary>The SQLite file read-only for a moment, then writable.</summary>
    StoreReadOnly,
}

/// <summary>A fault planned for when the lifecycles have completed <see cref="AtStep"/> steps (and <see cref="Delay"/> more).</summary>
/// <param name="Size">Calls that fail (connector faults) or milliseconds read-only (store faults).</param>
public sealed record PlannedFault(FaultKind Kind, int AtStep, TimeSpan Delay, int Size, int StatusCode);

/// <summary>A fault as it happened: from when to when it was injected (a kill: until the new process answered).</summary>
public sealed record InjectedFault(PlannedFault Plan, DateTimeOffset Start, DateTimeOffset End);

/// <summary>Every fault of a run, chosen from the seed, and their injection at the planned moments.</summary>
public sealed class FaultPlan(IReadOnlyList<PlannedFault> faults)
{
    private static readonly int[] ServerErrors = [500, 502, 503, 504];

    public IReadOnlyList<PlannedFault> Faults { get; } = faults;

    public List<InjectedFault> Injected { get; } = [];

    /// <summary>
    /// Kills, connector faults (429, 5xx and hangs in turn) and store faults at random steps of the first 90% of the run,
    /// so that the run ends with time to recover from the last one.
    /// </summary>
    public static FaultPlan Choose(SoakOptions options, int expectedSteps, Random random)
    {
        var last = Math.Max(2, expectedSteps * 9 / 10);
        PlannedFault At(FaultKind kind, int size, int status = 0) =>
            new(kind, random.Next(1, last), TimeSpan.FromMilliseconds(random.Next(0, 300)), size, status);

        var faults = new List<PlannedFault>();
        faults.AddRange(Enumerable.Range(0, options.Kills).Select(_ => At(FaultKind.Kill, 1)));
        for (var i = 0; i < options.ConnectorFaults; i++)
        {
            faults.Add((i % 3) switch
            {
                0 => At(FaultKind.Throttled, random.Next(2, 7), 429),
                1 => At(FaultKind.ServerError, random.Next(2, 9), ServerErrors[random.Next(ServerErrors.Length)]),
                _ => At(FaultKind.Hang, random.Next(1, 4)),
            });
        }

        faults.AddRange(Enumerable.Range(0, options.StoreFaults).Select(_ => At(FaultKind.StoreReadOnly, random.Next(500, 2_000))));
        return new FaultPlan([.. faults.OrderBy(f => f.AtStep)]);
    }

    /// <summary>Injects each fault when the run reaches its step, one after another, until all are in or the run ends.</summary>
    public async Task RunAsync(SoakProgress progress, BotUnderTest bot, FakeTeamsConnector connector, StoreFile store, TimeSpan hang, BotLog log, CancellationToken cancellationToken)
    {
        foreach (var fault in Faults)
        {
            await progress.WhenStepsReachAsync(fault.AtStep, cancellationToken);
            await Task.Delay(fault.Delay, cancellationToken);
            var start = DateTimeOffset.UtcNow;
            if (fault.Kind is FaultKind.Throttled or FaultKind.ServerError or FaultKind.Hang)
            {
                log.Mark($"connector fault: {fault.Kind}, the next {fault.Size} calls");
            }

            switch (fault.Kind)
            {
                case FaultKind.Kill:
                    await bot.KillAndRestartAsync(cancellationToken);
                    break;
                case FaultKind.Throttled:
                    connector.FailNext(new FakeFailure(fault.StatusCode, fault.Size) { RetryAfter = "1" });
                    break;
                case FaultKind.ServerError:
                    connector.FailNext(new FakeFailure(fault.StatusCode, fault.Size));
                    break;
                case FaultKind.Hang:
                    connector.StallNext(fault.Size, hang);
                    break;
                case FaultKind.StoreReadOnly:
                    log.Mark($"making the file read-only for {fault.Size} ms");
                    using (store.MakeReadOnly())
                    {
                        log.Mark("the file is read-only");
                        await Task.Delay(TimeSpan.FromMilliseconds(fault.Size), cancellationToken);
                    }

                    log.Mark("the file is writable again");
                    break;
            }

            Injected.Add(new InjectedFault(fault, start, DateTimeOffset.UtcNow));
        }
    }
}
