using System.Collections.Frozen;

namespace ChatRequests.Cards.Templating;

/// <summary>The card templates embedded in this assembly ("Templates.&lt;name&gt;.json"), parsed once on first use.</summary>
internal static class TemplateLibrary
{
    private const string Prefix = "Templates.";
    private const string Suffix = ".json";

    private static readonly Lazy<FrozenDictionary<string, CardTemplate>> Templates = new(Load);

    public static IEnumerable<string> Names => Templates.Value.Keys;

    public static CardTemplate Get(string name) =>
        Templates.Value.TryGetValue(name, out var template)
            ? template
            : throw new TemplateException($"There is no card template '{name}'.");

    private static FrozenDictionary<string, CardTemplate> Load()
    {
        var assembly = typeof(TemplateLibrary).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(Suffix, StringComparison.Ordinal))
            .ToFrozenDictionary(
                n => n[Prefix.Length..^Suffix.Length],
                n =>
                {
                    using var stream = assembly.GetManifestResourceStream(n)!;
                    using var reader = new StreamReader(stream);
                    return CardTemplate.Parse(n, reader.ReadToEnd());
                },
                StringComparer.Ordinal);
    }
}
