using System.Net;
using System.Text.Json.Nodes;
using ChatRequests.Teams.Connector;

namespace ChatRequests.Teams.Tests.Connector;

public sealed class FileConsentTests
{
    private static Activity Invoke(string json) =>
        new() { Type = ActivityTypes.Invoke, Name = FileConsentAnswer.InvokeName, Value = JsonNode.Parse(json) };

    [Fact]
    public void AnAccept_CarriesTheKeyAndTheUploadInfo()
    {
        var answer = FileConsentAnswer.Read(Invoke("""
            {"type":"fileUpload","action":"accept","context":{"key":"k1"},
             "uploadInfo":{"name":"r.zip","uploadUrl":"https://up/1","contentUrl":"https://files/r.zip","uniqueId":"u1","fileType":"zip"}}
            """));

        Assert.Equal(new FileConsentAnswer(true, "k1", new FileUploadInfo("r.zip", "https://up/1", "https://files/r.zip", "u1", "zip")), answer);
    }

    [Fact]
    public void ADecline_CarriesTheKeyOnly()
    {
        Assert.Equal(new FileConsentAnswer(false, "k1", null), FileConsentAnswer.Read(Invoke("""{"action":"decline","context":{"key":"k1"}}""")));
    }

    [Theory]
    [InlineData("""{"action":"accept","context":{"key":"k1"}}""")]
    [InlineData("""{"action":"accept","uploadInfo":{"name":"r.zip","contentUrl":"https://files/r.zip"}}""")]
    [InlineData("""{"action":"maybe"}""")]
    [InlineData("""[1,2]""")]
    public void AnythingElse_IsNoAnswer(string json)
    {
        Assert.Null(FileConsentAnswer.Read(Invoke(json)));
    }

    [Fact]
    public void ConsentCard_CarriesTheKeyAndSize_NotTheFile()
    {
        var card = FileConsentAnswer.ConsentCard("r.zip", "Requests submitted in November", 3, "k1");

        Assert.Equal((FileConsentAnswer.ConsentContentType, "r.zip"), (card.ContentType, card.Name));
        Assert.Equal(3, card.Content!["sizeInBytes"]!.GetValue<long>());
        Assert.Equal("k1", card.Content["acceptContext"]!["key"]!.GetValue<string>());
        Assert.Equal("k1", card.Content["declineContext"]!["key"]!.GetValue<string>());
    }

    [Fact]
    public async Task Upload_PutsEveryByteWithItsContentRange()
    {
        var handler = new Recording();
        using var http = new HttpClient(handler);

        await FileConsentAnswer.UploadAsync(http, new FileUploadInfo("r.zip", "https://up.example/s/1", "c", null, null), [1, 2, 3]);

        Assert.Equal((HttpMethod.Put, "https://up.example/s/1", "bytes 0-2/3", 3), (handler.Method, handler.Url, handler.Range, handler.Length));
    }

    [Theory]
    [InlineData("https://contoso-my.sharepoint.com/personal/u/_api/upload?s=1", true)]
    [InlineData("http://127.0.0.1:5123/upload/1", true)]
    [InlineData("http://[::1]:5123/upload/1", true)]
    [InlineData("http://localhost:5123/upload/1", true)]
    [InlineData("http://contoso-my.sharepoint.com/upload", false)]
    [InlineData("http://127.0.0.1.evil.example/upload", false)]
    [InlineData("http://10.0.0.5/upload", false)]
    [InlineData("ftp://127.0.0.1/upload", false)]
    [InlineData("file:///etc/passwd", false)]
    [InlineData("/relative/upload", false)]
    [InlineData("", false)]
    public void OnlyHttps_OrHttpToALoopbackHost_IsAnAllowedUploadUrl(string url, bool allowed)
    {
        Assert.Equal(allowed, FileConsentAnswer.IsAllowedUploadUrl(url));
    }

    [Fact]
    public async Task Upload_ToAPlainHttpHost_SendsNothing()
    {
        var handler = new Recording();
        using var http = new HttpClient(handler);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            FileConsentAnswer.UploadAsync(http, new FileUploadInfo("r.zip", "http://up.example/s/1", "c", null, null), [1, 2, 3]));

        Assert.Null(handler.Method);
    }

    private sealed class Recording : HttpMessageHandler
    {
        public HttpMethod? Method { get; private set; }
        public string? Url { get; private set; }
        public string? Range { get; private set; }
        public int Length { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            (Method, Url, Range) = (request.Method, request.RequestUri!.ToString(), request.Content!.Headers.ContentRange!.ToString());
            Length = (await request.Content.ReadAsByteArrayAsync(cancellationToken)).Length;
            return new HttpResponseMessage(HttpStatusCode.Created);
        }
    }
}
