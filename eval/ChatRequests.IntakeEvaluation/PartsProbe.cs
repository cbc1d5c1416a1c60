using ChatRequests.Core.Understanding;

namespace ChatRequests.IntakeEvaluation;

/// <summary>
/// The order a message's parts give (ADR 0078, <c>--parts-probe</c>): of the item sentences, how many have their item nearest
/// by the encoder, read as a whole and read by the whole and its parts, among the messages of several parts and among all;
/// and how near the nearest item comes to "none" sentences either way. Totals only, per catalog and overall.
/// </summary>
internal static class PartsProbe
{
    public static void Run(string partName, IReadOnlyList<LabelledSet> sets, ISentenceEncoder encoder, Evaluation evaluation, PartsReading reading = PartsReading.Items, bool list = false)
    {
        var (all, several) = (new Tally(), new Tally());
        var messages = 0;
        foreach (var set in sets)
        {
            var semantic = new SemanticIndex(evaluation.LoadCatalog(set.Catalog).Items, encoder);
            var own = new Tally();
            foreach (var u in set.Utterances)
            {
                messages++;
                var parts = reading == PartsReading.Trimmed ? MessageParts.Trimmed(u.Text) : MessageParts.Of(u.Text);
                var whole = encoder.EncodeQuery(u.Text);
                var alone = semantic.Cosines(whole);
                var (combined, _) = MessageParts.Read(u.Text, whole, semantic, encoder, reading);
                var outcome = new MessageCosines(u.Expect, semantic.Items, alone, combined, parts.Count);
                all.Add(outcome);
                own.Add(outcome);
                if (parts.Count > 0)
                {
                    several.Add(outcome);
                    if (list)
                    {
                        Console.WriteLine($"    \"{u.Text}\" {u.Expect}: whole {Nearest(semantic, alone)}, with its parts {Nearest(semantic, combined)}; parts: {string.Join(" | ", parts)}");
                    }
                }
            }

            Console.WriteLine($"  {set.Name}: {own}");
        }

        Console.WriteLine($"{partName}: {messages} messages, {all.Several} of several parts ({all.PartsEncoded} parts encoded besides the wholes)");
        Console.WriteLine($"  all messages: {all}");
        Console.WriteLine($"  messages of several parts: {several}");
    }

    private static string Nearest(SemanticIndex semantic, float[] cosines) =>
        cosines.Length == 0 ? "-" : semantic.Items[Array.IndexOf(cosines, cosines.Max())].Id;

    private sealed record MessageCosines(string Expect, IReadOnlyList<Core.Catalog.CatalogItem> Items, float[] Whole, float[] Combined, int Parts);

    private sealed class Tally
    {
        private int _items, _wholeRight, _combinedRight, _gained, _lost, _nones;
        private double _noneWhole, _noneCombined;

        public int Several { get; private set; }

        public int PartsEncoded { get; private set; }

        public void Add(MessageCosines o)
        {
            Several += o.Parts > 0 ? 1 : 0;
            PartsEncoded += o.Parts;
            if (o.Expect == "none")
            {
                _nones++;
                _noneWhole += o.Whole.DefaultIfEmpty().Max();
                _noneCombined += o.Combined.DefaultIfEmpty().Max();
                return;
            }

            if (!o.Expect.StartsWith("item:", StringComparison.Ordinal) || o.Whole.Length == 0)
            {
                return;
            }

            var w = IsRight(o.Whole);
            var c = IsRight(o.Combined);
            _items++;
            _wholeRight += w ? 1 : 0;
            _combinedRight += c ? 1 : 0;
            _gained += c && !w ? 1 : 0;
            _lost += w && !c ? 1 : 0;

            bool IsRight(float[] cosines) => o.Expect == $"item:{o.Items[Array.IndexOf(cosines, cosines.Max())].Id}";
        }

        public override string ToString() =>
            $"nearest item right {_wholeRight} -> {_combinedRight} of {_items} item sentences (+{_gained} -{_lost})"
            + (_nones == 0 ? "" : FormattableString.Invariant($"; \"none\" sentences' best item cosine {_noneWhole / _nones:0.000} -> {_noneCombined / _nones:0.000} ({_nones})"));
    }
}
