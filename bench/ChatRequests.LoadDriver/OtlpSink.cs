using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using ChatRequests.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace ChatRequests.LoadDriver;

/// <summary>What an OTLP sink received for one signal: export requests, the items in them, their bytes.</summary>
internal sealed record OtlpSignalCount(int Exports, long Items, long Bytes);

/// <summary>What the sink received by the time it was read.</summary>
internal sealed record OtlpReceived(OtlpSignalCount Traces, OtlpSignalCount Metrics);

/// <summary>
/// A loopback OTLP/HTTP (protobuf) receiver inside the driver: the bot's OTLP exporter sends to it, it answers 200 with an
/// empty export response and counts what arrived (spans, metric streams), so a run with telemetry on is known to have
/// exported, not to have had a disabled exporter.
/// </summary>
internal sealed class OtlpSink : IAsyncDisposable
{
    private readonly Counter _traces = new();
    private readonly Counter _metrics = new();
    private readonly StoreWorkSums _storeWork = new();
    private WebApplication? _app;

    /// <summary>The base endpoint for <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>; the exporter appends /v1/traces and /v1/metrics.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>
    /// How long to wait after the passes for both signals: spans go out every 5 s (the batch processor's default), metrics
    /// every 60 s (the periodic reader's default, as in production); a short run may not have reached its first one.
    /// </summary>
    public static readonly TimeSpan MetricWait = TimeSpan.FromSeconds(75);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    public OtlpReceived Received => new(_traces.Read(), _metrics.Read());

    /// <summary>
    /// The store's counters (<c>chatrequests.store.*</c>), the updates skipped and the bytes the bot allocated as the first export received after this moment has them: the
    /// bot's totals once everything it did before now was exported (the driver sets a metric interval of 1 s).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, long>> StoreWorkAfterAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        // An export under way now may have read the counters a moment ago: the one after it is certain to be later.
        var exports = _storeWork.Exports + 1;
        var deadline = DateTime.UtcNow + timeout;
        while (_storeWork.Exports <= exports)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The bot exported no metrics of its store in {timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }

        return _storeWork.Latest;
    }

    /// <summary>What arrived, once spans and metrics both have; fails when one of them never does.</summary>
    public async Task<OtlpReceived> WaitUntilBothSignalsAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Received is var received && (received.Traces.Items == 0 || received.Metrics.Items == 0))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException(
                    $"The OTLP sink received {received.Traces.Items} spans and {received.Metrics.Items} metrics in {timeout.TotalSeconds:0} s after the passes: the bot's exporter is not exporting.");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }

        return Received;
    }

    public static async Task<OtlpSink> StartAsync(CancellationToken cancellationToken)
    {
        var sink = new OtlpSink();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/v1/{signal}", sink.ReceiveAsync);
        await app.StartAsync(cancellationToken);
        sink._app = app;
        sink.Endpoint = new Uri(app.Urls.Single());
        return sink;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private async Task<IResult> ReceiveAsync(string signal, HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        var body = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        // Export*ServiceRequest: field 1 = Resource*, whose field 2 = Scope*, whose field 2 = the spans / metrics.
        var counter = signal switch
        {
            "traces" => _traces,
            "metrics" => _metrics,
            _ => null,
        };
        if (counter is null)
        {
            return Results.NotFound();
        }

        counter.Add(Protobuf.CountAt(body.Span, [1, 2, 2]), body.Length);
        if (counter == _metrics)
        {
            _storeWork.Received(body.Span);
        }

        // An empty Export*ServiceResponse: everything accepted.
        return Results.Bytes([], "application/x-protobuf");
    }

    private sealed class Counter
    {
        private int _exports;
        private long _items;
        private long _bytes;

        public void Add(long items, long bytes)
        {
            Interlocked.Increment(ref _exports);
            Interlocked.Add(ref _items, items);
            Interlocked.Add(ref _bytes, bytes);
        }

        public OtlpSignalCount Read() => new(Volatile.Read(ref _exports), Interlocked.Read(ref _items), Interlocked.Read(ref _bytes));
    }

    /// <summary>
    /// The latest cumulative sums of the store's counters and the bytes allocated: ExportMetricsServiceRequest, resource_metrics (1), scope_metrics
    /// (2), metrics (2); a Metric's name (1) and sum (7); the sum's data points (1), each as_int (6, sfixed64) or as_double (4).
    /// </summary>
    private sealed class StoreWorkSums
    {
        private readonly Lock _lock = new();
        private Dictionary<string, long> _latest = [];
        private int _exports;

        public int Exports => Volatile.Read(ref _exports);

        public IReadOnlyDictionary<string, long> Latest
        {
            get
            {
                lock (_lock)
                {
                    return _latest;
                }
            }
        }

        public void Received(ReadOnlySpan<byte> export)
        {
            var sums = new Dictionary<string, long>();
            foreach (var resource in Protobuf.Messages(export, 1))
            {
                var resourceMetrics = export[resource];
                foreach (var scope in Protobuf.Messages(resourceMetrics, 2))
                {
                    var scopeMetrics = resourceMetrics[scope];
                    foreach (var metric in Protobuf.Messages(scopeMetrics, 2))
                    {
                        Add(scopeMetrics[metric], sums);
                    }
                }
            }

            if (sums.Count == 0)
            {
                return;
            }

            lock (_lock)
            {
                _latest = sums;
            }

            Interlocked.Increment(ref _exports);
        }

        private static bool IsWorkCounted(string name) =>
            name.StartsWith(TelemetryNames.Instruments.StorePrefix, StringComparison.Ordinal)
            || name.StartsWith(TelemetryNames.Instruments.UnchangedUpdatesPrefix, StringComparison.Ordinal)
            || name == TelemetryNames.Instruments.ProcessAllocatedBytes;

        private static void Add(ReadOnlySpan<byte> metric, Dictionary<string, long> sums)
        {
            if (Protobuf.String(metric, 1) is not { } name || !IsWorkCounted(name))
            {
                return;
            }

            foreach (var sum in Protobuf.Messages(metric, 7))
            {
                var sumMessage = metric[sum];
                foreach (var point in Protobuf.Messages(sumMessage, 1))
                {
                    var value = sumMessage[point];
                    var total = Protobuf.Fixed64Value(value, 6) is { } asInt ? (long)asInt
                        : Protobuf.Fixed64Value(value, 4) is { } asDouble ? (long)BitConverter.UInt64BitsToDouble(asDouble)
                        : 0;
                    sums[name] = sums.GetValueOrDefault(name) + total;
                }
            }
        }
    }
}
