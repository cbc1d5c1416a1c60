using System.Globalization;
using System.Text;

namespace ChatRequests.Encoder;

/// <summary>
/// BERT's uncased tokenizer: lower case, accents stripped, split at white space and punctuation (every CJK character a
/// word of its own), then each word as the longest pieces of the vocabulary from its start ("##" marks a continuation);
/// a word with no such pieces is [UNK]. The ids are framed by [CLS] and [SEP] and cut at <c>maxTokens</c>.
/// </summary>
internal sealed class WordPieceTokenizer
{
    private const int MaxWordLength = 100;
    private readonly Dictionary<string, int> _ids;
    private readonly int _unknown;
    private readonly int _start;
    private readonly int _end;

    public WordPieceTokenizer(IEnumerable<string> vocabulary)
    {
        _ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (token, id) in vocabulary.Select((t, i) => (t, i)))
        {
            _ids.TryAdd(token, id);
        }

        _unknown = Id("[UNK]");
        _start = Id("[CLS]");
        _end = Id("[SEP]");
    }

    public long[] Encode(string text, int maxTokens)
    {
        var ids = new List<long>(Math.Min(maxTokens, 32)) { _start };
        foreach (var word in Words(text))
        {
            if (!AddPieces(word, ids, maxTokens - 1))
            {
                break;
            }
        }

        ids.Add(_end);
        return [.. ids];
    }

    /// <returns>Whether there is room for more.</returns>
    private bool AddPieces(string word, List<long> ids, int limit)
    {
        if (word.Length > MaxWordLength)
        {
            ids.Add(_unknown);
            return ids.Count < limit;
        }

        var first = ids.Count;
        for (var start = 0; start < word.Length;)
        {
            var end = word.Length;
            var found = -1;
            while (end > start)
            {
                var piece = start == 0 ? word[..end] : string.Concat("##", word.AsSpan(start, end - start));
                if (_ids.TryGetValue(piece, out found))
                {
                    break;
                }

                found = -1;
                end--;
            }

            if (found < 0)
            {
                ids.RemoveRange(first, ids.Count - first);
                ids.Add(_unknown);
                break;
            }

            ids.Add(found);
            start = end;
        }

        if (ids.Count > limit)
        {
            ids.RemoveRange(limit, ids.Count - limit);
        }

        return ids.Count < limit;
    }

    private static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        foreach (var c in Normalise(text))
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                if (word.Length > 0)
                {
                    yield return word.ToString();
                    word.Clear();
                }
            }
            else if (IsPunctuation(c) || IsCjk(c))
            {
                if (word.Length > 0)
                {
                    yield return word.ToString();
                    word.Clear();
                }

                yield return c.ToString();
            }
            else
            {
                word.Append(c);
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    /// <summary>Lower case without accents ("café" is "cafe").</summary>
    private static string Normalise(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && c != '\uFFFD' && c != '\0')
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }

    // BERT counts every non-letter, non-digit ASCII character as punctuation ("$", "^", "`"), as well as Unicode's.
    private static bool IsPunctuation(char c) =>
        (c is >= '!' and <= '/') || (c is >= ':' and <= '@') || (c is >= '[' and <= '`') || (c is >= '{' and <= '~') || char.IsPunctuation(c);

    private static bool IsCjk(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF');

    private int Id(string token) =>
        _ids.TryGetValue(token, out var id) ? id : throw new InvalidDataException($"The vocabulary has no {token}.");
}
