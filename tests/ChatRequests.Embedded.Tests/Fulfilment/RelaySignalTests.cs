using ChatRequests.Embedded.Fulfilment;
using ChatRequests.PortContracts;
using Microsoft.Extensions.Time.Testing;

namespace ChatRequests.Embedded.Tests.Fulfilment;

public sealed class RelaySignalTests
{
    private readonly FakeTimeProvider _clock = new(SampleRequests.Start);
    private readonly RelaySignal _signal = new();

    [Fact]
    public async Task WaitAsync_WokenBeforeWaiting_ReturnsAtOnce()
    {
        _signal.Wake();
        _signal.Wake();

        await _signal.WaitAsync(TimeSpan.FromHours(1), _clock, CancellationToken.None);

        Assert.False(_signal.WaitAsync(TimeSpan.FromHours(1), _clock, CancellationToken.None).IsCompleted);
    }

    [Fact]
    public async Task WaitAsync_WokenWhileWaiting_Returns()
    {
        var waiting = _signal.WaitAsync(TimeSpan.FromHours(1), _clock, CancellationToken.None);

        _signal.Wake();

        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task WaitAsync_TimeoutPasses_Returns()
    {
        var waiting = _signal.WaitAsync(TimeSpan.FromSeconds(1), _clock, CancellationToken.None);

        _clock.Advance(TimeSpan.FromSeconds(1));

        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task WaitAsync_Cancelled_Throws()
    {
        using var stopping = new CancellationTokenSource();
        var waiting = _signal.WaitAsync(TimeSpan.FromHours(1), _clock, stopping.Token);

        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }
}
