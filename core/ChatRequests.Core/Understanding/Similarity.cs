namespace ChatRequests.Core.Understanding;

/// <summary>How close a typed term is to a known one: the same, a longer form of it, or a small typo.</summary>
internal static class Similarity
{
    public const double Same = 1.0;
    // Below a typo: "locker" starts with "lock" but is something else as often as not.
    public const double Affix = 0.6;
    public const double OneEdit = 0.75;
    public const double TwoEdits = 0.5;

    private const int MaxWordLength = 40;

    /// <summary>1 for the same term, less for a prefix ("dock", "docking") or a small typo, 0 otherwise.</summary>
    public static double Of(string word, string term)
    {
        if (word == term)
        {
            return Same;
        }

        // A letter too many at the end is a typo as much as a longer form ("moust" is "mouse"): the surer of the two.
        var shorter = Math.Min(word.Length, term.Length);
        var typo = Typo(word, term);
        if (shorter >= 4 && (term.StartsWith(word, StringComparison.Ordinal) || word.StartsWith(term, StringComparison.Ordinal))
            && Math.Max(word.Length, term.Length) - shorter <= 4)
        {
            return Math.Max(Affix, typo);
        }

        return typo;
    }

    /// <summary>A typo of a known word: one edit from 4 letters (transposed letters count one), two from 8; no digits.</summary>
    public static double Typo(string word, string term)
    {
        var shorter = Math.Min(word.Length, term.Length);
        if (shorter < 4 || !IsWord(word) || !IsWord(term))
        {
            return 0;
        }

        // "locker" is not "locked", nor "cancer" "cancel": a different last letter is more often another word.
        if (word.Length == term.Length && word.AsSpan(0, word.Length - 1).SequenceEqual(term.AsSpan(0, term.Length - 1)))
        {
            return 0;
        }

        var allowed = shorter >= 8 ? 2 : 1;
        return Distance(word, term, allowed) switch
        {
            1 => OneEdit,
            2 when allowed >= 2 => TwoEdits,
            _ => 0,
        };
    }

    private static bool IsWord(string s)
    {
        foreach (var c in s)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Damerau-Levenshtein distance (optimal string alignment: adjacent transpositions count one), or
    /// <paramref name="max"/> + 1 as soon as it is certain to exceed <paramref name="max"/>.
    /// </summary>
    public static int Distance(string a, string b, int max)
    {
        // Long strings are no typo of a catalog word (and must not cost stack).
        if (Math.Abs(a.Length - b.Length) > max || b.Length > MaxWordLength)
        {
            return max + 1;
        }

        Span<int> previous2 = stackalloc int[b.Length + 1];
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > max)
            {
                return max + 1;
            }

            var spare = previous2;
            previous2 = previous;
            previous = current;
            current = spare;
        }

        return previous[b.Length];
    }
}
