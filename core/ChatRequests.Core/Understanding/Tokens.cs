using System.Text;

namespace ChatRequests.Core.Understanding;

/// <summary>One word of a message: as typed (lower case) and the term it is compared by.</summary>
internal readonly record struct Word(string Raw, string Term)
{
    public bool IsNumber => Raw.Length > 0 && char.IsAsciiDigit(Raw[0]) && Raw.All(char.IsAsciiDigit);

    /// <summary>Says something about what is wanted: not a stop word, not a lone letter.</summary>
    public bool IsContent => Term.Length > 1 && !Lexicon.StopWords.Contains(Raw) && !Lexicon.StopWords.Contains(Term);
}

/// <summary>
/// Reads text into words the same way for the person's message and for the catalog: lower case, phrases said in
/// several ways made one ("docking station" is "dock"), units named once ("27in" is "27 inch"), British spellings
/// made American, and a light stem ("licences", "licensed" and "license" are one term).
/// </summary>
internal static class Tokens
{
    public static Word[] Read(string text)
    {
        var raw = Split(text);
        for (var i = 0; i < raw.Count; i++)
        {
            if (raw[i] == "till" && SaysWhen(raw, i))
            {
                raw[i] = "until";
            }
        }

        var words = new List<Word>(raw.Count);
        for (var i = 0; i < raw.Count; i++)
        {
            var (phrase, length) = PhraseAt(raw, i);
            if (phrase is not null)
            {
                words.Add(new Word(phrase, Term(phrase)));
                i += length - 1;
                continue;
            }

            var word = raw[i];
            if (i > 0 && words.Count > 0 && words[^1].IsNumber && Lexicon.Units.TryGetValue(word, out var unit))
            {
                word = unit;
            }

            words.Add(new Word(word, Term(word)));
        }

        return [.. words];
    }

    /// <summary>The term a single word is compared by: American spelling, then its stem.</summary>
    public static string Term(string word) => Stem(Lexicon.Spellings.GetValueOrDefault(word, word));

    /// <summary>
    /// A light suffix stripper: plurals, -ing, -ed, -ation and a final e, so that "crashes", "crashing" and "crash",
    /// or "installation" and "installed", meet. Not a dictionary stemmer: it only has to treat both sides alike.
    /// </summary>
    public static string Stem(string word)
    {
        if (word.Length <= 3 || !word.All(char.IsLetter))
        {
            return word;
        }

        var w = word;
        if (w.EndsWith("ies", StringComparison.Ordinal) && w.Length > 4)
        {
            w = w[..^3] + "y";
        }
        else if (w.EndsWith("sses", StringComparison.Ordinal) || w.EndsWith("xes", StringComparison.Ordinal)
            || w.EndsWith("ches", StringComparison.Ordinal) || w.EndsWith("shes", StringComparison.Ordinal))
        {
            w = w[..^2];
        }
        else if (w.EndsWith('s') && !(w.EndsWith("ss", StringComparison.Ordinal) || w.EndsWith("us", StringComparison.Ordinal)
            || w.EndsWith("is", StringComparison.Ordinal)))
        {
            w = w[..^1];
        }

        if (w.EndsWith("ing", StringComparison.Ordinal) && HasVowel(w[..^3]) && w.Length - 3 >= 3)
        {
            w = Undouble(w[..^3]);
        }
        else if (w.EndsWith("ed", StringComparison.Ordinal) && !w.EndsWith("eed", StringComparison.Ordinal) && HasVowel(w[..^2]) && w.Length - 2 >= 3)
        {
            w = Undouble(w[..^2]);
        }
        else if (w.EndsWith("ation", StringComparison.Ordinal) && w.Length - 5 >= 3)
        {
            w = w[..^5];
        }

        return w.Length >= 4 && w.EndsWith('e') ? w[..^1] : w;
    }

    /// <summary>Lower-case words; apostrophes vanish ("can't" is "cant"); a number and its unit part ("27inch" is "27 inch").</summary>
    public static List<string> Split(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (c is '"' or '\u2033' or '\u201D' && word.Length > 0 && char.IsAsciiDigit(word[^1]))
            {
                Flush();
                words.Add("inch");
            }
            else if (c is not ('\'' or '\u2019' or '\u2018'))
            {
                Flush();
            }
        }

        Flush();
        return words;

        void Flush()
        {
            if (word.Length == 0)
            {
                return;
            }

            var s = word.ToString();
            word.Clear();
            var digits = 0;
            while (digits < s.Length && char.IsAsciiDigit(s[digits]))
            {
                digits++;
            }

            // "27inch", "16gb": the number and its unit; "7b" (a ward) stays one word.
            if (digits > 0 && digits < s.Length && s.Length - digits > 1 && (Lexicon.Units.ContainsKey(s[digits..]) || s[digits..] is "gb" or "tb" or "mb"))
            {
                words.Add(s[..digits]);
                words.Add(s[digits..]);
            }
            else
            {
                words.Add(s);
            }
        }
    }

    /// <summary>
    /// "till" is "until" before a time ("till Monday", "till it's back", "till 5pm") or between two numbers ("9 till 5"), and
    /// at the end; otherwise it is the shop's till ("the till", "till 3 is down", "till login").
    /// </summary>
    private static bool SaysWhen(List<string> words, int at)
    {
        if (at + 1 >= words.Count)
        {
            return at > 0 && words[at - 1] is "open" or "wait" or "stay" or "late" or "work" or "working";
        }

        var next = words[at + 1];
        var afterNext = at + 2 < words.Count ? words[at + 2] : "";
        var numberBefore = at > 0 && words[at - 1].All(char.IsAsciiDigit);
        return Lexicon.TimeWords.Contains(next)
            || (next == "the" && afterNext is "end" or "weekend" or "morning" or "afternoon" or "evening")
            || (next.All(char.IsAsciiDigit) && (numberBefore || afterNext is "am" or "pm" or "oclock" or "30" or "00" or "15" or "45"));
    }

    private static (string? Phrase, int Length) PhraseAt(List<string> words, int start)
    {
        foreach (var (phrase, canonical) in Lexicon.Phrases)
        {
            if (start + phrase.Length > words.Count)
            {
                continue;
            }

            var all = true;
            for (var i = 0; i < phrase.Length && all; i++)
            {
                all = words[start + i] == phrase[i];
            }

            if (all)
            {
                return (canonical, phrase.Length);
            }
        }

        return (null, 0);
    }

    private static bool HasVowel(string s) => s.AsSpan().IndexOfAny("aeiouy") >= 0;

    private static string Undouble(string s) =>
        s.Length >= 3 && s[^1] == s[^2] && s[^1] is not ('l' or 's' or 'z' or 'e' or 'o') ? s[..^1] : s;
}
