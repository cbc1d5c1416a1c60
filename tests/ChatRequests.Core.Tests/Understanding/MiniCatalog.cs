using ChatRequests.Core.Catalog;
using ChatRequests.Core.Understanding;

namespace ChatRequests.Core.Tests.Understanding;

/// <summary>Small catalogs written in the test, none of them the sample's: what the interpreter must do for any catalog.</summary>
internal sealed class MiniCatalog(params CatalogItem[] items) : ICatalog
{
    public IReadOnlyList<CatalogItem> Items { get; } = items;

    public CatalogItem? Find(string itemId) => Items.FirstOrDefault(i => i.Id == itemId);

    public Meaning Read(string text) => new LexicalInterpreter(this).Interpret(text);

    public static CatalogItem Item(string id, string name, string category = "Devices", string description = "", string[]? keywords = null, CatalogField[]? fields = null, string[]? synonyms = null) =>
        new() { Id = id, Name = name, Category = category, Description = description, Keywords = keywords ?? [], Fields = fields ?? [], Synonyms = synonyms ?? [] };

    public static CatalogField Choice(string id, string label, string[] choices, Dictionary<string, IReadOnlyList<string>>? synonyms = null) =>
        new() { Id = id, Label = label, Type = FieldType.Choice, Choices = choices, ChoiceSynonyms = synonyms ?? [] };

    public static CatalogField Number(string id, string label) => new() { Id = id, Label = label, Type = FieldType.Number };
}
