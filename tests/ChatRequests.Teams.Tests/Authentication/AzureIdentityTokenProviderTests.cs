using Azure.Core;
using ChatRequests.Teams.Authentication;
using Microsoft.Extensions.Time.Testing;

namespace ChatRequests.Teams.Tests.Authentication;

public sealed class AzureIdentityTokenProviderTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));
    private readonly CountingCredential _credential;
    private readonly AzureIdentityTokenProvider _provider;

    public AzureIdentityTokenProviderTests()
    {
        _credential = new CountingCredential(_clock, TimeSpan.FromHours(1));
        _provider = new AzureIdentityTokenProvider(_credential, _clock);
    }

    [Fact]
    public async Task GetTokenAsync_WhileTheTokenIsFresh_AsksTheCredentialOnce()
    {
        var first = await _provider.GetTokenAsync();
        _clock.Advance(TimeSpan.FromMinutes(50));
        var second = await _provider.GetTokenAsync();

        Assert.Equal("token-1", first);
        Assert.Equal("token-1", second);
        Assert.Equal(1, _credential.Calls);
        Assert.Equal([AzureIdentityTokenProvider.Scope], _credential.Scopes);
    }

    [Fact]
    public async Task GetTokenAsync_ShortlyBeforeExpiry_Refreshes()
    {
        await _provider.GetTokenAsync();
        _clock.Advance(TimeSpan.FromMinutes(56));

        var token = await _provider.GetTokenAsync();

        Assert.Equal("token-2", token);
        Assert.Equal(2, _credential.Calls);
    }

    [Fact]
    public async Task GetTokenAsync_ManyCallersAtOnce_OneRefresh()
    {
        _credential.Delay = TimeSpan.FromMilliseconds(100);

        var tokens = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => _provider.GetTokenAsync())));

        Assert.All(tokens, t => Assert.Equal("token-1", t));
        Assert.Equal(1, _credential.Calls);
    }

    [Fact]
    public async Task GetTokenAsync_WhenTheCredentialFails_Throws_AndTriesAgainNextTime()
    {
        _credential.FailNext = true;

        await Assert.ThrowsAsync<InvalidOperationException>(() => _provider.GetTokenAsync());
        var token = await _provider.GetTokenAsync();

        Assert.Equal("token-2", token);
    }

    private sealed class CountingCredential(TimeProvider clock, TimeSpan lifetime) : TokenCredential
    {
        private int _calls;

        public int Calls => _calls;

        public string[] Scopes { get; private set; } = [];

        public TimeSpan Delay { get; set; }

        public bool FailNext { get; set; }

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

        public override async ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            var call = Interlocked.Increment(ref _calls);
            Scopes = requestContext.Scopes;
            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay, cancellationToken);
            }

            if (FailNext)
            {
                FailNext = false;
                throw new InvalidOperationException("Entra ID is down.");
            }

            return new AccessToken($"token-{call}", clock.GetUtcNow() + lifetime);
        }
    }
}
