using System.Text.RegularExpressions;
using ChatRequests.Core.Catalog;

namespace ChatRequests.Core.Understanding;

/// <summary>
/// A description's sentence that sends some people to another item of the catalog ("Editors who cut on the road ask for
/// a field edit laptop.", "Voice picking headsets are a separate item.", "Not for CAD modelling (see CAD workstation).")
/// describes that other item's people, not this item's (ADR 0063): its words are left out of this item's description.
/// </summary>
internal static partial class Redirects
{
    /// <summary>Every item's descriptions without their sentences that send people to another item named in them.</summary>
    public static string[] Kept(IReadOnlyList<CatalogItem> items)
    {
        // Names of more than one word only: "Laptop" said in a sentence does not name the laptop item.
        var names = items.Select(o => o.Synonyms.Prepend(o.Name).Select(n => n.ToLowerInvariant()).Where(n => n.Contains(' ')).ToArray()).ToArray();
        return [.. items.Select((item, i) => Kept(item.Description, names.Where((_, o) => o != i).SelectMany(n => n)))];
    }

    private static string Kept(string description, IEnumerable<string> others)
    {
        var sentences = Sentence().Split(description);
        var kept = sentences.Where(s => !Marker().IsMatch(s.ToLowerInvariant()) || !others.Any(s.ToLowerInvariant().Contains)).ToList();
        return kept.Count == sentences.Length ? description : string.Join(' ', kept);
    }

    [GeneratedRegex(@"(?<=[.;!?])\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Sentence();

    [GeneratedRegex(@"\b(asks? for|instead|separate item|separate request)\b|\(see\b|^not for\b", RegexOptions.CultureInvariant)]
    private static partial Regex Marker();
}
