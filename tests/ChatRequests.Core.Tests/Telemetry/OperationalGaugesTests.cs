using System.Diagnostics.Metrics;
using ChatRequests.Core.Fulfilment;
using ChatRequests.Core.Reporting;
using ChatRequests.Core.Telemetry;
using ChatRequests.PortContracts;

namespace ChatRequests.Core.Tests.Telemetry;

public sealed class OperationalGaugesTests
{
    [Fact]
    public async Task RefreshAsync_ThatBeganEarlierAndEndsLater_DoesNotReplaceTheNewerReading()
    {
        // The host's refresher and a test's (or a health check's) refresh overlap: the CI of 2026-12-06 saw the parked
        // gauge at 0 after a refresh had read 1, a refresh begun before the event was parked having ended after it.
        var reporting = new FirstReadHeld(new InMemoryReportingStore());
        using var meters = new Meters();
        var gauges = new OperationalGauges(meters, new RelayHealth(new InMemoryRequestStore(), TimeProvider.System), reporting, TimeProvider.System);

        var earlier = gauges.RefreshAsync();
        await reporting.FirstReadBegan;
        await reporting.Inner.UpsertFactsAsync(RequestFacts.From(SampleRequests.Submit("REQ-000001", stages: [SampleRequests.ManagerStage()])));
        var newer = await gauges.RefreshAsync();
        reporting.ReleaseFirstRead();
        var older = await earlier;

        Assert.Equal((0, 1), (older.ApprovalsPending, newer.ApprovalsPending));
        Assert.Same(newer, gauges.Last);
    }

    /// <summary>Its first read takes what the store holds when it begins and answers only when released.</summary>
    private sealed class FirstReadHeld(InMemoryReportingStore inner) : IReportingStore
    {
        private readonly TaskCompletionSource _began = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _reads;

        public InMemoryReportingStore Inner => inner;

        public Task FirstReadBegan => _began.Task;

        public void ReleaseFirstRead() => _release.SetResult();

        public async Task<IReadOnlyList<RequestFacts>> ReadFactsAsync(ReportScope scope, CancellationToken cancellationToken = default)
        {
            var facts = await inner.ReadFactsAsync(scope, cancellationToken);
            if (Interlocked.Increment(ref _reads) == 1)
            {
                _began.SetResult();
                await _release.Task;
            }

            return facts;
        }

        public Task<bool> UpsertFactsAsync(RequestFacts facts, CancellationToken cancellationToken = default) => inner.UpsertFactsAsync(facts, cancellationToken);

        public Task<RequestFacts?> GetFactsAsync(string requestId, CancellationToken cancellationToken = default) => inner.GetFactsAsync(requestId, cancellationToken);

        public Task RecordFormShownAsync(FormShown form, CancellationToken cancellationToken = default) => inner.RecordFormShownAsync(form, cancellationToken);

        public Task<IReadOnlyList<FormShown>> ReadFormsAsync(ReportScope scope, CancellationToken cancellationToken = default) => inner.ReadFormsAsync(scope, cancellationToken);
    }

    private sealed class Meters : IMeterFactory
    {
        private readonly List<Meter> _made = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options);
            _made.Add(meter);
            return meter;
        }

        public void Dispose() => _made.ForEach(m => m.Dispose());
    }
}
