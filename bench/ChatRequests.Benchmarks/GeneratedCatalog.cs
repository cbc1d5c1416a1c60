using ChatRequests.Core.Catalog;

namespace ChatRequests.Benchmarks;

/// <summary>
/// A catalog of 200 items made up from word lists (the same every run): names, keywords, a description, a choice
/// field with synonyms and a location field most items share, as a large organisation's catalog would have.
/// </summary>
internal sealed class GeneratedCatalog : ICatalog
{
    private static readonly string[] Things =
    [
        "laptop", "monitor", "headset", "keyboard", "mouse", "dock", "phone", "tablet", "printer", "scanner", "webcam",
        "projector", "charger", "cable", "badge", "pager", "router", "server", "licence", "mailbox", "folder", "site",
        "account", "token", "desk", "speaker", "microphone", "adapter", "battery", "drive",
    ];

    private static readonly string[] Kinds =
    [
        "standard", "developer", "wireless", "portable", "shared", "secure", "clinical", "research", "student", "guest",
        "premium", "basic", "mobile", "remote", "team", "temporary", "external", "spare", "rugged", "compact",
    ];

    private static readonly string[] Categories = ["Hardware", "Software", "Access", "Accounts", "Facilities IT", "Telephony", "Research computing"];

    private readonly Dictionary<string, CatalogItem> _byId;

    public GeneratedCatalog(int count = 200)
    {
        var items = new List<CatalogItem>(count);
        for (var i = 0; i < count; i++)
        {
            var thing = Things[i % Things.Length];
            var kind = Kinds[i / Things.Length % Kinds.Length];
            var other = Things[(i * 7 + 3) % Things.Length];
            items.Add(new CatalogItem
            {
                Id = $"item-{i:D3}",
                Name = $"{Capitalised(kind)} {thing}",
                Category = Categories[i % Categories.Length],
                Description = $"A {kind} {thing} for your work, set up before it reaches you and supported by the service desk; works with the {other}.",
                Keywords = [thing, $"{kind} {thing}", $"{thing} for {other}", $"new {thing}", $"{thing} {i}"],
                Synonyms = i % 5 == 0 ? [$"{kind} {other}"] : [],
                Fields =
                [
                    new CatalogField
                    {
                        Id = "model", Label = "Model", Type = FieldType.Choice,
                        Choices = [$"{Capitalised(thing)} A{i}", $"{Capitalised(thing)} B{i}", $"{Capitalised(thing)} Pro {i}"],
                        ChoiceSynonyms = new Dictionary<string, IReadOnlyList<string>> { [$"{Capitalised(thing)} Pro {i}"] = ["pro", "top of the range"] },
                    },
                    new CatalogField { Id = "site", Label = "Delivery location", Type = FieldType.Choice, Choices = ["Berlin office", "London office", "Lyon office", "Home"] },
                    new CatalogField { Id = "quantity", Label = "How many", Type = FieldType.Number },
                ],
            });
        }

        Items = items;
        _byId = items.ToDictionary(i => i.Id);
    }

    public IReadOnlyList<CatalogItem> Items { get; }

    public CatalogItem? Find(string itemId) => _byId.GetValueOrDefault(itemId);

    private static string Capitalised(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
