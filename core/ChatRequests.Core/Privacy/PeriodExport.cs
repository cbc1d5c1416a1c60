using System.Globalization;
using ChatRequests.Core.Reporting;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;

namespace ChatRequests.Core.Privacy;

/// <summary>The auditors' period export as a file to offer: its name, what the consent card says it is, and the zip.</summary>
public sealed record ExportFile(string FileName, string Description, int RequestCount, byte[] Bytes);

/// <summary>The requests submitted in a period (<see cref="ReportPeriods"/>), as the <see cref="RequestExport"/> zip (sensitive answers masked).</summary>
public static class PeriodExport
{
    public static async Task<ExportFile> BuildAsync(IRequestStore requests, ReportPeriod period, CancellationToken cancellationToken = default)
    {
        var inPeriod = new List<ServiceRequest>();
        await foreach (var request in requests.ScanAsync(period.From, period.To, cancellationToken))
        {
            inPeriod.Add(request);
        }

        var name = string.Create(
            CultureInfo.InvariantCulture, $"requests-{period.From.UtcDateTime:yyyyMMdd}-{period.To.UtcDateTime.AddTicks(-1):yyyyMMdd}.zip");
        return new ExportFile(name, $"Requests submitted, {period.Label}, days in UTC: {inPeriod.Count}", inPeriod.Count, RequestExport.Zip(inPeriod));
    }
}
