using ChatRequests.Core.Fulfilment;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatRequests.Composition;

/// <summary>
/// The section once spelt <c>Fulfillment</c> is <c>Fulfilment</c>, as in the code. Deployments that still set the old
/// keys (<c>Fulfillment__Mode</c> and the like) keep working: an old key is read under its new name unless the new name
/// is set too, and the host logs one warning at start naming the old keys it found.
/// </summary>
internal static class RenamedConfigurationKeys
{
    public const string OldSection = "Fulfillment";

    /// <summary>Reads the old keys under their new names and registers the warning; before anything reads the section.</summary>
    public static void CarryOverOldSpelling(IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var oldKeys = new List<string>();
        var carried = new Dictionary<string, string?>();
        foreach (var (key, value) in configuration.GetSection(OldSection).AsEnumerable())
        {
            // Null is the section itself or a section inside it; its values come as keys of their own.
            if (value is null)
            {
                continue;
            }

            oldKeys.Add(key);
            var newKey = FulfilmentOptions.SectionName + key[OldSection.Length..];
            if (configuration[newKey] is null)
            {
                carried[newKey] = value;
            }
        }

        if (oldKeys.Count == 0)
        {
            return;
        }

        // Added last, so it would win over every source: it holds only keys no source sets under the new name.
        configuration.AddInMemoryCollection(carried);
        oldKeys.Sort(StringComparer.OrdinalIgnoreCase);
        builder.Services.AddHostedService(services =>
            new OldSpellingWarning(oldKeys, services.GetRequiredService<ILogger<OldSpellingWarning>>()));
    }

    private sealed class OldSpellingWarning(IReadOnlyList<string> oldKeys, ILogger logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            // Key names only: values are the operator's business.
            logger.LogWarning(
                "Configuration keys {OldKeys} have the old spelling; rename Fulfillment to Fulfilment (environment variables "
                + "Fulfilment__...). They are still read, except where the new name is set too",
                string.Join(", ", oldKeys));
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
