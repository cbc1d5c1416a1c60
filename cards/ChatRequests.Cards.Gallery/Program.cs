using System.Text.Encodings.Web;
using System.Text.Json;
using ChatRequests.Cards.Gallery;

// Writes every card the bot sends, bound with the sample data, as <out-folder>/<card>.json.
// Usage: dotnet run --project cards/ChatRequests.Cards.Gallery -- <out-folder>
if (args.Length != 1 || args[0].StartsWith('-'))
{
    Console.Error.WriteLine("Usage: ChatRequests.Cards.Gallery <out-folder>");
    return 2;
}

var output = Directory.CreateDirectory(args[0]);
var options = new JsonSerializerOptions
{
    WriteIndented = true,
    // Files for people and the renderer: keep "★", "—" and quotes readable. Nothing here goes into HTML unescaped.
    Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
};

var cards = await CardGallery.BuildAsync(SampleOrganisation.Load());
foreach (var card in cards)
{
    var path = Path.Combine(output.FullName, card.Name + ".json");
    await File.WriteAllTextAsync(path, card.Message.Card.ToJsonString(options) + "\n");
}

Console.WriteLine($"Wrote {cards.Count} cards to {output.FullName}");
return 0;
