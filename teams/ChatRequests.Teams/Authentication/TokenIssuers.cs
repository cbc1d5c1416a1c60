namespace ChatRequests.Teams.Authentication;

/// <summary>Whose keys sign a token: the Bot Connector's own, or Entra ID's for one tenant.</summary>
public readonly record struct TokenIssuer(string Issuer, string? EntraTenant)
{
    public bool IsEntra => EntraTenant is not null;
}

/// <summary>
/// The issuers an inbound token may come from (docs/adr/0018-inbound-token-issuers.md), as the Microsoft 365 Agents SDK
/// accepts them for the public cloud (Agents-for-net, samples/Shared/AspNetExtensions.cs): the Bot Connector
/// (<c>https://api.botframework.com</c>), and Entra ID, v1 <c>https://sts.windows.net/{tenant}/</c> and v2
/// <c>https://login.microsoftonline.com/{tenant}/v2.0</c>, for the bot's own tenant and the Bot Service's tenants.
/// </summary>
public static class TokenIssuers
{
    public const string BotFramework = "https://api.botframework.com";

    /// <summary>The tenants Azure Bot Service issues Entra tokens from (the Agents SDK's list for the public cloud).</summary>
    public static readonly IReadOnlyList<string> BotServiceTenants =
    [
        "d6d49420-f39b-4df7-a1dc-d59a935871db",
        "f8cdef31-a31e-4b4a-93e4-5f571e91255a",
        "69e9b82d-4842-4902-8d1e-abc5b98a55e8",
    ];

    private const string V1Prefix = "https://sts.windows.net/";
    private const string V2Prefix = "https://login.microsoftonline.com/";
    private const string V2Suffix = "/v2.0";

    /// <summary>The accepted issuer <paramref name="issuer"/> names, or null when it is none of them (compared exactly, as the SDK does).</summary>
    public static TokenIssuer? Find(string? issuer, string? botTenant)
    {
        if (issuer == BotFramework)
        {
            return new TokenIssuer(issuer, null);
        }

        var tenant = TenantOf(issuer);
        return tenant is not null && (IsBotTenant(tenant, botTenant) || BotServiceTenants.Contains(tenant, StringComparer.Ordinal))
            ? new TokenIssuer(issuer!, tenant)
            : null;
    }

    private static bool IsBotTenant(string tenant, string? botTenant) =>
        Guid.TryParse(botTenant, out var bot) && Guid.TryParse(tenant, out var candidate) && bot == candidate;

    /// <summary>The tenant of an Entra v1 or v2 issuer, when it has exactly that shape and the tenant is a GUID.</summary>
    private static string? TenantOf(string? issuer)
    {
        string? tenant = null;
        if (issuer is null)
        {
            return null;
        }

        if (issuer.StartsWith(V1Prefix, StringComparison.Ordinal) && issuer.EndsWith('/'))
        {
            tenant = issuer[V1Prefix.Length..^1];
        }
        else if (issuer.StartsWith(V2Prefix, StringComparison.Ordinal) && issuer.EndsWith(V2Suffix, StringComparison.Ordinal))
        {
            tenant = issuer[V2Prefix.Length..^V2Suffix.Length];
        }

        // The lower-case "D" form only, as Entra writes it: no braces, no other spelling of the same tenant.
        return tenant is not null && Guid.TryParse(tenant, out var id) && id.ToString("D") == tenant ? tenant : null;
    }
}
