using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Azure.Messaging.ServiceBus;

namespace ChatRequests.Testing;

/// <summary>
/// A sender double of the fulfilment queue (the SDK's abstract <see cref="ServiceBusSender"/>, through its protected
/// constructor): batches from <see cref="ServiceBusModelFactory"/> that hold as many messages as <see cref="MaxBatchBytes"/>
/// allows (body sizes; the real limit counts AMQP framing too) and <see cref="MaxBatchCount"/>, every sent batch and
/// scheduled message recorded, and sends that fail on demand. No broker: what the service does with them is not run.
/// </summary>
public sealed class RecordingServiceBusSender : ServiceBusSender
{
    private readonly ConditionalWeakTable<ServiceBusMessageBatch, List<ServiceBusMessage>> _contents = [];
    private readonly ConcurrentQueue<IReadOnlyList<ServiceBusMessage>> _batches = new();
    private readonly ConcurrentQueue<(ServiceBusMessage Message, DateTimeOffset EnqueueAt)> _scheduled = new();
    private int _failures;

    public long MaxBatchBytes { get; set; } = 256 * 1024;

    public int MaxBatchCount { get; set; } = int.MaxValue;

    /// <summary>Every batch sent, in order.</summary>
    public IReadOnlyList<IReadOnlyList<ServiceBusMessage>> Batches => [.. _batches];

    /// <summary>Every message sent, in order.</summary>
    public IReadOnlyList<ServiceBusMessage> Sent => [.. _batches.SelectMany(b => b)];

    /// <summary>Every message scheduled, with its enqueue time.</summary>
    public IReadOnlyList<(ServiceBusMessage Message, DateTimeOffset EnqueueAt)> Scheduled => [.. _scheduled];

    /// <summary>The next <paramref name="count"/> sends (batches or schedules) throw a transient <see cref="ServiceBusException"/>.</summary>
    public void FailNext(int count = 1) => Interlocked.Exchange(ref _failures, count);

    public override ValueTask<ServiceBusMessageBatch> CreateMessageBatchAsync(CancellationToken cancellationToken = default) =>
        CreateMessageBatchAsync(new CreateMessageBatchOptions(), cancellationToken);

    public override ValueTask<ServiceBusMessageBatch> CreateMessageBatchAsync(CreateMessageBatchOptions options, CancellationToken cancellationToken = default)
    {
        var contents = new List<ServiceBusMessage>();
        long bytes = 0;
        var batch = ServiceBusModelFactory.ServiceBusMessageBatch(MaxBatchBytes, contents, options, message =>
        {
            var size = message.Body.ToMemory().Length;
            if (contents.Count >= MaxBatchCount || bytes + size > MaxBatchBytes)
            {
                return false;
            }

            bytes += size;
            return true;
        });
        _contents.Add(batch, contents);
        return ValueTask.FromResult(batch);
    }

    public override Task SendMessagesAsync(ServiceBusMessageBatch messageBatch, CancellationToken cancellationToken = default)
    {
        ThrowIfFailing();
        _batches.Enqueue([.. _contents.TryGetValue(messageBatch, out var contents) ? contents : []]);
        return Task.CompletedTask;
    }

    public override Task<long> ScheduleMessageAsync(ServiceBusMessage message, DateTimeOffset scheduledEnqueueTime, CancellationToken cancellationToken = default)
    {
        ThrowIfFailing();
        _scheduled.Enqueue((message, scheduledEnqueueTime));
        return Task.FromResult((long)_scheduled.Count);
    }

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private void ThrowIfFailing()
    {
        if (Interlocked.Decrement(ref _failures) >= 0)
        {
            throw new ServiceBusException("Injected failure: the namespace is unreachable.", ServiceBusFailureReason.ServiceCommunicationProblem);
        }

        Interlocked.Exchange(ref _failures, 0);
    }
}
