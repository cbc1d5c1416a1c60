using System.Text.Json.Nodes;

namespace ChatRequests.Cards.Templating;

/// <summary>What a path resolves against: the current <c>$data</c>, the <c>$root</c> data and, inside a repeat, <c>$index</c>.</summary>
internal sealed record Scope(JsonNode? Data, JsonNode? Root, int? Index)
{
    public static Scope For(JsonNode? root) => new(root, root, null);

    public Scope With(JsonNode? data, int? index = null) => this with { Data = data, Index = index };
}
