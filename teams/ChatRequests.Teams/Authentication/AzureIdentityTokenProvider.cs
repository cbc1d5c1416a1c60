using Azure.Core;
using ChatRequests.Teams.Connector;

namespace ChatRequests.Teams.Authentication;

/// <summary>
/// The bot's outbound Bot Connector token from Entra ID (Azure.Identity), for the scope
/// https://api.botframework.com/.default. Cached until shortly before it expires; one refresh at a time.
/// </summary>
public sealed class AzureIdentityTokenProvider(TokenCredential credential, TimeProvider clock) : IConnectorTokenProvider, IDisposable
{
    public const string Scope = "https://api.botframework.com/.default";

    /// <summary>Refresh this long before expiry, so a token never expires between being handed out and being checked.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile TokenHolder? _current;

    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        if (Fresh(_current) is { } token)
        {
            return token;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            // Another caller may have refreshed while we waited.
            if (Fresh(_current) is { } refreshed)
            {
                return refreshed;
            }

            var access = await credential.GetTokenAsync(new TokenRequestContext([Scope]), cancellationToken);
            _current = new TokenHolder(access.Token, access.ExpiresOn);
            return access.Token;
        }
        finally
        {
            _refresh.Release();
        }
    }

    public void Dispose() => _refresh.Dispose();

    private string? Fresh(TokenHolder? holder) =>
        holder is not null && clock.GetUtcNow() < holder.ExpiresOn - RefreshMargin ? holder.Token : null;

    private sealed record TokenHolder(string Token, DateTimeOffset ExpiresOn);
}
