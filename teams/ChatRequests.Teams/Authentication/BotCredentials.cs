using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Identity;
using ChatRequests.Core.Configuration;

namespace ChatRequests.Teams.Authentication;

/// <summary>The Entra ID credential of the bot's app, chosen from its configuration.</summary>
public static class BotCredentials
{
    public static TokenCredential Create(BotAuthenticationOptions options)
    {
        var appId = options.MicrosoftAppId!.Trim();
        if (options.AppType == BotAuthenticationOptions.UserAssignedMsi)
        {
            return new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(appId));
        }

        var tenant = options.TokenTenant;
        if (!string.IsNullOrWhiteSpace(options.MicrosoftAppFederatedTokenFile))
        {
            return new WorkloadIdentityCredential(new WorkloadIdentityCredentialOptions
            {
                ClientId = appId,
                TenantId = tenant,
                TokenFilePath = options.MicrosoftAppFederatedTokenFile,
            });
        }

        if (!string.IsNullOrWhiteSpace(options.MicrosoftAppCertificateThumbprint))
        {
            var certificate = FindCertificate(options.MicrosoftAppCertificateThumbprint.Trim());
            return new ClientCertificateCredential(tenant, appId, certificate, new ClientCertificateCredentialOptions { SendCertificateChain = true });
        }

        return new ClientSecretCredential(tenant, appId, options.MicrosoftAppPassword);
    }

    private static X509Certificate2 FindCertificate(string thumbprint)
    {
        foreach (var location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
        {
            using var store = new X509Store(StoreName.My, location);
            store.Open(OpenFlags.ReadOnly);
            var found = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false);
            if (found.Count > 0)
            {
                return found[0];
            }
        }

        throw new ConfigurationRefusedException($"No certificate with thumbprint {thumbprint} in the CurrentUser or LocalMachine 'My' store (MicrosoftAppCertificateThumbprint).");
    }
}
