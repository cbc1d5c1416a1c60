using System.Text.Json.Nodes;
using ChatRequests.Testing;

namespace ChatRequests.LoadDriver;

/// <summary>
/// The calls that reached the fake Teams connector in a window, by kind, and the updates among them that sent a message
/// what it already showed (the same activity as the post or update before it): counts, which load does not change.
/// </summary>
internal sealed record ConnectorCalls(int Posts, int Threads, int Replies, int Updates, int UnchangedUpdates)
{
    public int Total => Posts + Threads + Replies + Updates;

    /// <summary>The successful calls from the <paramref name="from"/>-th on; what each message showed is followed from the first call.</summary>
    public static ConnectorCalls Of(IReadOnlyList<FakeConnectorRequest> requests, int from)
    {
        var shown = new Dictionary<(string, string), JsonNode?>();
        int posts = 0, threads = 0, replies = 0, updates = 0, unchanged = 0;
        for (var i = 0; i < requests.Count; i++)
        {
            var r = requests[i];
            if (!r.Succeeded)
            {
                continue;
            }

            var counted = i >= from;
            switch (r.Route)
            {
                case FakeConnectorRoute.SendToConversation when r.ConversationId is { } chat && IdIn(r.Answer, "id") is { } id:
                    shown[(chat, id)] = WithoutId(r.Body);
                    posts += counted ? 1 : 0;
                    break;
                case FakeConnectorRoute.CreateConversation when r.CreatedConversationId is { } thread && IdIn(r.Answer, "activityId") is { } id:
                    shown[(thread, id)] = WithoutId(r.Body?["activity"]);
                    threads += counted ? 1 : 0;
                    break;
                case FakeConnectorRoute.ReplyToActivity:
                    replies += counted ? 1 : 0;
                    break;
                case FakeConnectorRoute.UpdateActivity when r.ConversationId is { } chat && r.ActivityId is { } id:
                    var body = WithoutId(r.Body);
                    var same = shown.TryGetValue((chat, id), out var before) && JsonNode.DeepEquals(before, body);
                    shown[(chat, id)] = body;
                    updates += counted ? 1 : 0;
                    unchanged += counted && same ? 1 : 0;
                    break;
            }
        }

        return new ConnectorCalls(posts, threads, replies, updates, unchanged);
    }

    private static string? IdIn(JsonNode? answer, string name) => answer?[name]?.GetValue<string>();

    private static JsonNode? WithoutId(JsonNode? activity)
    {
        if (activity?.DeepClone() is not JsonObject copy)
        {
            return null;
        }

        copy.Remove("id");
        return copy;
    }
}
