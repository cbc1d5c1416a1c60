using System.IO.Compression;
using ChatRequests.Core.Privacy;
using ChatRequests.Core.Reporting;
using static ChatRequests.PortContracts.SampleRequests;

namespace ChatRequests.Core.Tests.Privacy;

public sealed class PeriodExportTests
{
    [Fact]
    public async Task OnlyTheRequestsSubmittedInThePeriod_AreInTheZip()
    {
        var store = new InMemoryRequestStore();
        await store.CreateAsync(Submit("REQ-000001", Start));
        await store.CreateAsync(Submit("REQ-000002", new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero)));
        await store.CreateAsync(Submit("REQ-000003", new DateTimeOffset(2026, 10, 31, 23, 59, 0, TimeSpan.Zero)));
        var november = ReportPeriods.Read("November", new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.Zero), TimeZoneInfo.Utc)!;

        var file = await PeriodExport.BuildAsync(store, november);

        Assert.Equal(("requests-20261101-20261130.zip", 1), (file.FileName, file.RequestCount));
        Assert.Contains(november.Label, file.Description);
        using var zip = new ZipArchive(new MemoryStream(file.Bytes));
        using var reader = new StreamReader(zip.GetEntry(RequestExport.RequestsFile)!.Open());
        var rows = (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, rows.Length);
        Assert.StartsWith("REQ-000001,", rows[1]);
    }
}
