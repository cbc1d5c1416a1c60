using ChatRequests.Composition;
using ChatRequests.Core.Audit;
using ChatRequests.Core.Configuration;
using ChatRequests.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatRequests.AuditCheck;

/// <summary>
/// Composes the store as the hosts do (configuration from appsettings.json, environment variables and arguments such as
/// <c>--Storage:SqlitePath=/data/chatrequests.db</c>), checks every request's history and reports.
/// </summary>
public static class AuditCheckCommand
{
    /// <summary>0 when no history is broken, 1 when one is, 2 when the store could not be read as configured.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        try
        {
            builder.AddSelectedStore();
        }
        catch (ConfigurationRefusedException ex)
        {
            await output.WriteLineAsync($"The store is not configured: {ex.Message}");
            return 2;
        }

        using var host = builder.Build();
        var summary = await StoreAudit.CheckAsync(host.Services.GetRequiredService<IRequestStore>(), cancellationToken);

        await output.WriteLineAsync(
            $"Checked {summary.Requests} requests: {summary.Intact} intact, {summary.Unsealed} written before the chain and not yet sealed, {summary.Broken.Count} broken.");
        foreach (var (requestId, verdict) in summary.Broken)
        {
            await output.WriteLineAsync(verdict.Describe(requestId));
        }

        return summary.AllIntact ? 0 : 1;
    }
}
