using System.Text.Json;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using static ChatRequests.PortContracts.SampleRequests;

namespace ChatRequests.Core.Tests.Privacy;

/// <summary>Alice's request whose "note" answer the catalog marked sensitive, cancelled with a comment that quotes it.</summary>
internal static class SensitiveFixture
{
    public const string Secret = "E123456";

    public static ServiceRequest WithSensitiveNote(string id)
    {
        var json = JsonSerializer.SerializeToNode(Submit(id, Start), RequestJson.Options)!;
        json["fields"]!["note"] = Secret;
        foreach (var label in json["fieldLabels"]!.AsArray())
        {
            if ((string?)label!["id"] == "note")
            {
                label["sensitive"] = true;
            }
        }

        var request = json.Deserialize<ServiceRequest>(RequestJson.Options)!;
        request.Cancel(Alice, $"Moved to {Secret}", Start.AddHours(1));
        return request;
    }
}
