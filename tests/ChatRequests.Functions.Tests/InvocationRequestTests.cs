using System.Text;
using System.Text.Json;
using ChatRequests.Functions.Invocation;

namespace ChatRequests.Functions.Tests;

public sealed class InvocationRequestTests
{
    private const string Body = "{\"requestId\":\"REQ-000001\",\"eventId\":\"e1\",\"eventType\":\"Approved\"}";

    public static TheoryData<string> Encodings() => new()
    {
        Body,                                                                      // an object, as JSON
        JsonSerializer.Serialize(Body),                                            // a string body, serialised by the host
        JsonSerializer.Serialize(JsonSerializer.Serialize(Body)),                  // and once more
        JsonSerializer.Serialize(Convert.ToBase64String(Encoding.UTF8.GetBytes(Body))), // bytes, as base64
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void TryGetBinding_AnyEncodingTheHostUses_GivesTheObject(string encodedValue)
    {
        var invocation = JsonSerializer.Deserialize<InvocationRequest>($"{{\"Data\":{{\"message\":{encodedValue}}},\"Metadata\":{{}}}}")!;

        Assert.True(invocation.TryGetBinding("message", out var value));
        Assert.Equal(JsonValueKind.Object, value.ValueKind);
        Assert.Equal("e1", value.GetProperty("eventId").GetString());
    }

    [Fact]
    public void TryGetBinding_PlainText_StaysAString()
    {
        var invocation = JsonSerializer.Deserialize<InvocationRequest>("{\"Data\":{\"message\":\"hello there\"}}")!;

        Assert.True(invocation.TryGetBinding("message", out var value));
        Assert.Equal("hello there", value.GetString());
    }

    [Fact]
    public void MetadataText_ReadsNumbersAndStrings()
    {
        var invocation = JsonSerializer.Deserialize<InvocationRequest>("{\"Data\":{},\"Metadata\":{\"DeliveryCount\":3,\"MessageId\":\"m\"}}")!;

        Assert.Equal("3", invocation.MetadataText("DeliveryCount"));
        Assert.Equal("m", invocation.MetadataText("MessageId"));
        Assert.Null(invocation.MetadataText("Missing"));
    }
}
