using ChatRequests.Core.Catalog;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatRequests.Core.Provisioning;

public static class WebhookRegistration
{
    /// <summary>
    /// The webhook steps' sender, in every mode, with its options checked as the host starts: every secret the catalog
    /// names is configured and long enough, so a missing one stops the start instead of failing a request later.
    /// </summary>
    public static IServiceCollection AddProvisioningWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>()
            .BindConfiguration(WebhookOptions.SectionName)
            .Validate(o => o.MaxAttempts is >= 1 and <= 10, $"{WebhookOptions.SectionName}:MaxAttempts must be from 1 to 10.")
            .Validate(o => o.AttemptTimeout > TimeSpan.Zero && o.FirstRetryDelay >= TimeSpan.Zero && o.MaxRetryDelay >= o.FirstRetryDelay,
                $"{WebhookOptions.SectionName}: AttemptTimeout must be positive and MaxRetryDelay at least FirstRetryDelay.")
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookOptions>, WebhookSecretsValidation>());
        services.TryAddSingleton<IWebhookSender, HttpWebhookSender>();
        return services;
    }
}

/// <summary>Every configured secret is long enough, and every secret a catalog's webhook step names is configured.</summary>
/// <remarks>
/// A catalog file with problems throws when it is loaded; those problems are the reference data check's to list (the
/// host stops with all of them), so here such a catalog is skipped rather than turned into a crash of the start.
/// </remarks>
internal sealed class WebhookSecretsValidation(IServiceProvider services) : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var problems = options.Secrets
            .Where(s => (s.Value?.Length ?? 0) < WebhookOptions.MinSecretLength)
            .Select(s => $"{WebhookOptions.SectionName}:Secrets:{s.Key} is shorter than {WebhookOptions.MinSecretLength} characters.")
            .ToList();
        var named = Catalogs().SelectMany(c => c.Items)
            .SelectMany(i => (i.Provisioning?.StepList ?? []).Select(s => (Item: i.Id, Step: s)))
            .Where(x => x.Step.Kind == ProvisioningStepKind.Webhook && !string.IsNullOrWhiteSpace(x.Step.Secret));
        problems.AddRange(named
            .Where(x => !options.Secrets.ContainsKey(x.Step.Secret!))
            .Select(x => $"Catalog item '{x.Item}' has a webhook step signed with secret '{x.Step.Secret}', "
                + $"but {WebhookOptions.SectionName}:Secrets:{x.Step.Secret} is not configured.")
            .Distinct());
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private IEnumerable<ICatalog> Catalogs()
    {
        try
        {
            return [.. services.GetServices<ICatalog>()];
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return [];
        }
    }
}
