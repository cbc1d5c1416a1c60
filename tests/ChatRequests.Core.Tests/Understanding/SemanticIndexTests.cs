using ChatRequests.Core.Understanding;
using static ChatRequests.Core.Tests.Understanding.MiniCatalog;

namespace ChatRequests.Core.Tests.Understanding;

public class SemanticIndexTests
{
    // "dock" is a keyword of two items and "new dock" of two: each is one row, read for both.
    private static readonly MiniCatalog Catalog = new(
        Item("dock", "Docking station", keywords: ["dock", "new dock"]),
        Item("usb-dock", "USB-C dock", description: "For a laptop with one port.", keywords: ["dock", "new dock", "hub"]),
        Item("monitor", "Monitor", keywords: ["screen"], synonyms: ["display"]),
        Item("keyboard", "Keyboard"),
        Item("mouse", "Mouse", keywords: ["mouse", "wireless mouse"]));

    [Fact]
    public void Cosines_AreEachItemsNearestTextByDot_BitForBit()
    {
        var encoder = new RandomEncoder();
        var index = new SemanticIndex(Catalog.Items, encoder);
        var message = ((ISentenceEncoder)encoder).EncodeQuery("a dock for my laptop");

        var cosines = index.Cosines(message);

        var expected = Catalog.Items.Select(item => SemanticIndex.Texts(item).Max(text => Vectors.Dot(encoder.Encode(text), message)));
        Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), cosines.Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void ATextSeveralItemsShare_IsEncodedOnce()
    {
        var encoder = new RandomEncoder();

        _ = new SemanticIndex(Catalog.Items, encoder);

        Assert.Equal(1, encoder.Encoded["dock"]);
        Assert.Equal(1, encoder.Encoded["new dock"]);
    }

    /// <summary>A unit vector per text, the same for the same text, and how often each text was encoded.</summary>
    private sealed class RandomEncoder : ISentenceEncoder
    {
        public Dictionary<string, int> Encoded { get; } = [];

        public int Dimensions => 37;

        public string Model => "random";

        public float[] Encode(string text)
        {
            Encoded[text] = Encoded.GetValueOrDefault(text) + 1;
            var random = new Random(StringComparer.Ordinal.GetHashCode(text));
            return Vectors.Normalised([.. Enumerable.Range(0, Dimensions).Select(_ => (float)(random.NextDouble() * 2 - 1))]);
        }
    }
}
