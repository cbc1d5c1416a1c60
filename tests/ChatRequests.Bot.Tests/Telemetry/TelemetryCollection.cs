namespace ChatRequests.Bot.Tests.Telemetry;

/// <summary>
/// The counters are process-wide (a static meter, as System.Diagnostics intends): tests that count them run alone, after
/// the parallel ones, so no other test's bot adds to what they read.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry (counters are process-wide)";
}
