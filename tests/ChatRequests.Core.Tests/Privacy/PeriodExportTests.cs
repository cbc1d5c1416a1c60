using System.IO.Compression;
using System.Text.Json;
using ChatRequests.Core.Requests;
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

    [Fact]
    public async Task SensitiveAnswers_AreMaskedInEveryFile_AndTheOtherAnswersKept()
    {
        var store = new InMemoryRequestStore();
        await store.CreateAsync(SensitiveFixture.WithSensitiveNote("REQ-000001"));
        var november = ReportPeriods.Read("November", new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.Zero), TimeZoneInfo.Utc)!;

        var file = await PeriodExport.BuildAsync(store, november);

        using var zip = new ZipArchive(new MemoryStream(file.Bytes));
        var texts = zip.Entries.ToDictionary(e => e.Name, e => new StreamReader(e.Open()).ReadToEnd());
        Assert.All(texts.Values, text => Assert.DoesNotContain(SensitiveFixture.Secret, text, StringComparison.Ordinal));
        var document = JsonDocument.Parse(texts[RequestExport.JsonFile]).RootElement[0];
        Assert.Equal(SensitiveFields.Masked, document.GetProperty("fields").GetProperty("note").GetString());
        Assert.Contains("14-inch", texts[RequestExport.JsonFile], StringComparison.Ordinal);
        Assert.Contains($"Moved to {SensitiveFields.Masked}", texts[RequestExport.HistoryFile], StringComparison.Ordinal);
    }
}
