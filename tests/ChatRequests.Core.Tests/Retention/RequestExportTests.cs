using System.IO.Compression;
using System.Text;
using System.Text.Json;
using ChatRequests.Core.Privacy;
using ChatRequests.Core.Requests;
using static ChatRequests.PortContracts.SampleRequests;

namespace ChatRequests.Core.Tests.Retention;

public sealed class RequestExportTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1 555", "'+1 555")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("plain, with comma", "\"plain, with comma\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("Ünïcödé ✓", "Ünïcödé ✓")]
    [InlineData("", "")]
    public void Cell_NeutralisesFormulasAndQuotesWhatNeedsIt(string value, string expected)
    {
        Assert.Equal(expected, CsvText.Cell(value));
    }

    [Fact]
    public void Zip_HoldsOneRowPerRequestAndPerHistoryLine_AndTheDocuments()
    {
        var closed = FullLifecycle("REQ-000001");
        var open = Submit("REQ-000002", requester: Bob);
        open.Cancel(Bob, "=cmd|' /C calc'!A0", Start.AddHours(1));

        var files = Read(RequestExport.Zip([closed, open]));

        var requests = Lines(files[RequestExport.RequestsFile]);
        Assert.Equal(3, requests.Count);
        Assert.StartsWith("id,state,submittedAt", requests[0]);
        Assert.StartsWith("REQ-000001,Closed,2026-11-23T09:00:00Z,", requests[1]);
        Assert.Contains($",{Alice.Id},Alice Employee,laptop,Laptop,Hardware,", requests[1]);
        var history = Lines(files[RequestExport.HistoryFile]);
        Assert.Equal(1 + closed.History.Count + open.History.Count, history.Count);
        Assert.Contains(history, l => l.Contains(",'=cmd|' /C calc'!A0,", StringComparison.Ordinal));
        Assert.DoesNotContain(history, l => l.Contains(",=cmd", StringComparison.Ordinal));
        var documents = JsonDocument.Parse(files[RequestExport.JsonFile]).RootElement;
        Assert.Equal(["REQ-000001", "REQ-000002"], documents.EnumerateArray().Select(d => d.GetProperty("id").GetString()));
    }

    [Fact]
    public void Zip_SameRequests_SameBytes()
    {
        var request = FullLifecycle("REQ-000001");

        Assert.Equal(RequestExport.Zip([request]), RequestExport.Zip([request]));
    }

    [Fact]
    public void Zip_AnonymisedRequest_ExportsThePlaceholdersOnly()
    {
        var request = FullLifecycle("REQ-000001");
        request.Anonymise(PersonRef.System, "retention policy", Start.AddDays(40));

        var files = Read(RequestExport.Zip([request]));

        Assert.DoesNotContain(Alice.Name, files[RequestExport.RequestsFile]);
        Assert.DoesNotContain(Alice.Name, files[RequestExport.HistoryFile]);
        Assert.DoesNotContain(Alice.Id, files[RequestExport.JsonFile]);
        Assert.Contains(ServiceRequest.FormerEmployeeName, files[RequestExport.RequestsFile]);
    }

    private static Dictionary<string, string> Read(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var reader = new StreamReader(e.Open(), Encoding.UTF8);
            return reader.ReadToEnd();
        });
    }

    // Records end in CRLF; a quoted cell may hold a bare LF.
    private static List<string> Lines(string csv) => [.. csv.Split("\r\n").Where(l => l.Length > 0)];
}
