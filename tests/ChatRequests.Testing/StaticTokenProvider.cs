using ChatRequests.Teams.Connector;

namespace ChatRequests.Testing;

/// <summary>Hands out a fixed bearer token and counts how often it was asked.</summary>
public sealed class StaticTokenProvider(string token) : IConnectorTokenProvider
{
    private int _calls;

    public int Calls => _calls;

    public Task<string?> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        return Task.FromResult<string?>(token);
    }
}
