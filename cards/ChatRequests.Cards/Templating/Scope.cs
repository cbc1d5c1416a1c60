using System.Text.Json;

namespace ChatRequests.Cards.Templating;

/// <summary>
/// What a path resolves against: the current <c>$data</c>, the <c>$root</c> data and, inside a repeat, <c>$index</c>.
/// A missing value is <c>default(JsonElement)</c> (<see cref="JsonValueKind.Undefined"/>).
/// </summary>
internal readonly record struct Scope(JsonElement Data, JsonElement Root, int? Index)
{
    public static Scope For(JsonElement root) => new(root, root, null);

    public Scope With(JsonElement data, int? index = null) => this with { Data = data, Index = index };
}
