using System.Diagnostics;
using System.Net;
using ChatRequests.Azure.Storage;
using ChatRequests.PortContracts.Storage;
using ChatRequests.Testing;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace ChatRequests.Azure.Tests.Storage;

/// <summary>
/// The Cosmos DB store against the stand-in answering with faults (429 with a retry-after, 503, no answer): the SDK's
/// retries absorb short throttling, a longer fault fails the operation in bounded time, and the same client (a singleton
/// in production) works again with the next operation once the fault is gone.
/// </summary>
[Collection(CosmosServer.Collection)]
public sealed class CosmosStoreRecoveryTests(CosmosServer server, ITestOutputHelper output) : IAsyncLifetime
{
    // Short, so that the test does not wait long; long enough for a query page on a loaded machine.
    private static readonly TimeSpan OperationTimeout = TimeSpan.FromSeconds(3);

    private readonly CosmosOptions _options = WithTimeout(server.FreshDatabase());
    private CosmosClient? _client;
    private CosmosRequestStore _store = null!;

    public async Task InitializeAsync()
    {
        var (client, containers) = server.Connect(_options);
        _client = client;
        _store = new CosmosRequestStore(containers, TimeProvider.System, NullLogger<CosmosRequestStore>.Instance);
        // The database and containers exist before any fault: faults hit document operations only.
        await SubmitLoad.SubmitAsync(_store, "form-1");
    }

    public async Task DisposeAsync()
    {
        await server.ClearFaultsAsync(_options.Database);
        _client?.Dispose();
    }

    [Fact]
    public async Task ThrottledFewerTimesThanTheSdkRetries_TheSubmitSucceeds()
    {
        await server.InjectFaultAsync(_options.Database, CosmosFault.Throttled(count: 3, TimeSpan.FromMilliseconds(50)));

        Assert.Equal("REQ-000002", await SubmitLoad.SubmitAsync(_store, "form-2"));
    }

    [Fact]
    public async Task ThrottledLongerThanTheSdkRetries_FailsWith429_AndTheNextSubmitOfTheFormSucceedsWithItsNumber()
    {
        await server.InjectFaultAsync(_options.Database, CosmosFault.Throttled(count: 1000, TimeSpan.FromMilliseconds(10)));

        var error = await Assert.ThrowsAsync<CosmosException>(() => SubmitLoad.SubmitAsync(_store, "form-2"));
        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        await server.ClearFaultsAsync(_options.Database);

        Assert.Equal("REQ-000002", await SubmitLoad.SubmitAsync(_store, "form-2"));
        Assert.Equal(["REQ-000001", "REQ-000002"], await SubmitLoad.StoredIdsAsync(_store));
    }

    [Fact]
    public async Task Unavailable_FailsWith503_AndTheNextSubmitSucceeds()
    {
        await server.InjectFaultAsync(_options.Database, CosmosFault.Unavailable(count: 1000));

        var error = await Assert.ThrowsAsync<CosmosException>(() => SubmitLoad.SubmitAsync(_store, "form-2"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        await server.ClearFaultsAsync(_options.Database);

        Assert.Equal("REQ-000002", await SubmitLoad.SubmitAsync(_store, "form-2"));
    }

    [Fact]
    public async Task NoAnswer_FailsWithinTheOperationTimeout_AndTheNextSubmitSucceeds()
    {
        await server.InjectFaultAsync(_options.Database, CosmosFault.Slow(count: 1000, TimeSpan.FromSeconds(30)));

        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAsync<TimeoutException>(() => SubmitLoad.SubmitAsync(_store, "form-2"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"The submit took {clock.Elapsed} to fail.");
        await server.ClearFaultsAsync(_options.Database);

        Assert.Equal("REQ-000002", await SubmitLoad.SubmitAsync(_store, "form-2"));
    }

    [Fact]
    public Task UnderLoad_ThrottledForAMoment_NoFailureAfterwards_NothingLost_NoNumberBurnt() =>
        RunLoadAsync("429", CosmosFault.Throttled(count: 1_000_000, TimeSpan.FromMilliseconds(20)));

    [Fact]
    public Task UnderLoad_UnavailableForAMoment_NoFailureAfterwards_NothingLost_NoNumberBurnt() =>
        RunLoadAsync("503", CosmosFault.Unavailable(count: 1_000_000));

    [Fact]
    public Task UnderLoad_NoAnswerForAMoment_NoFailureAfterwards_NothingLost_NoNumberBurnt() =>
        RunLoadAsync("timeouts", CosmosFault.Slow(count: 1_000_000, TimeSpan.FromSeconds(10)));

    private async Task RunLoadAsync(string fault, CosmosFault answer)
    {
        var figures = await SubmitLoad.RunAsync(_store, () =>
        {
            server.InjectFaultAsync(_options.Database, answer).GetAwaiter().GetResult();
            return new ClearFaults(() => server.ClearFaultsAsync(_options.Database).GetAwaiter().GetResult());
        });

        output.WriteLine($"Cosmos DB, {fault}: {figures}");
        // The load's own first submit ("form-1", made before) is stored too.
        await SubmitLoad.AssertRecoveredAsync(_store, figures with { Succeeded = figures.Succeeded + 1 });
    }

    private static CosmosOptions WithTimeout(CosmosOptions options)
    {
        options.OperationTimeout = OperationTimeout;
        return options;
    }

    private sealed class ClearFaults(Action clear) : IDisposable
    {
        public void Dispose() => clear();
    }
}
