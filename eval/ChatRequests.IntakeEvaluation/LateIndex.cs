using ChatRequests.Core.Understanding;

namespace ChatRequests.IntakeEvaluation;

/// <summary>
/// Every item of a catalog as the contextual vectors of its texts' content tokens (ADR 0086): a message is read word by word,
/// each of its content tokens against its best match among an item's tokens (late interaction, ColBERT's MaxSim), and the
/// item's score is the mean of those maxima. A word named among chatter is not diluted by it, and "telly" meets
/// "Television" as a word in meaning. Thread-safe once built.
/// </summary>
internal sealed class LateIndex
{
    private readonly float[][][] _items;

    /// <param name="items">Each item's content token vectors (<see cref="Content"/> of each of its texts), in the catalog's order.</param>
    public LateIndex(IReadOnlyList<float[][]> items) => _items = [.. items];

    /// <summary>How many token vectors the index keeps (its memory: 384 floats each).</summary>
    public int TokenCount => _items.Sum(i => i.Length);

    /// <summary>
    /// The content tokens' vectors of a text's WordPiece tokens: not [CLS] or [SEP], not punctuation, and not a piece of a stop
    /// word (<see cref="Lexicon.StopWords"/>; a word's "##" pieces go with it).
    /// </summary>
    public static float[][] Content(IReadOnlyList<string> tokens, IReadOnlyList<float[]> vectors)
    {
        var content = new List<float[]>();
        for (var start = 0; start < tokens.Count;)
        {
            var end = start + 1;
            while (end < tokens.Count && tokens[end].StartsWith("##", StringComparison.Ordinal))
            {
                end++;
            }

            var word = string.Concat(Enumerable.Range(start, end - start).Select(t => tokens[t].TrimStart('#')));
            if (word is not ("[CLS]" or "[SEP]") && word.Any(char.IsLetterOrDigit) && !Lexicon.StopWords.Contains(word))
            {
                content.AddRange(Enumerable.Range(start, end - start).Select(t => vectors[t]));
            }

            start = end;
        }

        return [.. content];
    }

    /// <summary>The message's content token vectors against every item: each token's best cosine with each item, and the items' scores.</summary>
    public LateReading Read(float[][] message)
    {
        var best = new float[message.Length][];
        for (var t = 0; t < message.Length; t++)
        {
            best[t] = new float[_items.Length];
            for (var i = 0; i < _items.Length; i++)
            {
                var max = 0f;
                foreach (var token in _items[i])
                {
                    max = Math.Max(max, Vectors.Dot(token, message[t]));
                }

                best[t][i] = max;
            }
        }

        var scores = new float[_items.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = message.Length == 0 ? 0 : best.Average(b => b[i]);
        }

        return new LateReading(scores, best);
    }
}

/// <summary>
/// A message read word by word against a catalog (ADR 0086).
/// </summary>
/// <param name="Scores">Each item's MaxSim score: the mean over the message's content tokens of their best cosine with the item's tokens.</param>
/// <param name="TokenBest">For each content token of the message, its best cosine with each item's tokens.</param>
internal sealed record LateReading(float[] Scores, float[][] TokenBest)
{
    /// <summary>From which cosine an item's token explains a message's token (ADR 0086's probe: 0.6 to 0.8).</summary>
    public const float ExplainsAt = 0.7f;

    /// <summary>The item's score less the best other item's.</summary>
    public double Lead(int item)
    {
        var other = 0f;
        for (var i = 0; i < Scores.Length; i++)
        {
            other = i == item ? other : Math.Max(other, Scores[i]);
        }

        return Scores.Length > 1 ? Scores[item] - other : Scores[item];
    }

    /// <summary>
    /// The share of the message's content tokens the item explains (a cosine at least <paramref name="at"/>) and no other item
    /// does; 0 for a message without content tokens.
    /// </summary>
    public double Explained(int item, float at = ExplainsAt)
    {
        var only = TokenBest.Count(best => best[item] >= at && !best.Where((c, i) => i != item && c >= at).Any());
        return TokenBest.Length == 0 ? 0 : (double)only / TokenBest.Length;
    }
}
