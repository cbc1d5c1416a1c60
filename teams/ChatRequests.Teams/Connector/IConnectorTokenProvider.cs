namespace ChatRequests.Teams.Connector;

/// <summary>
/// The bearer token the bot presents to the Bot Connector service. Called before every HTTP attempt, so an
/// implementation should cache tokens and refresh them before they expire.
/// </summary>
public interface IConnectorTokenProvider
{
    /// <summary>The access token, or null to send no Authorization header.</summary>
    Task<string?> GetTokenAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// No token: for local development against the Agents Playground or a loopback fake, which do not check one.
/// </summary>
public sealed class NoTokenProvider : IConnectorTokenProvider
{
    public Task<string?> GetTokenAsync(CancellationToken cancellationToken = default) => Task.FromResult<string?>(null);
}
