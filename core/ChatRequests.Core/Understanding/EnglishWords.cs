namespace ChatRequests.Core.Understanding;

/// <summary>
/// English words of 4-14 letters (ADR 0069): a word spelt right is no typo of a catalog word ("house" is not "mouse",
/// "says" not "days"). The whole words of the bert-base-uncased WordPiece vocabulary (Apache-2.0, the vocabulary the
/// sentence model ships), sorted, one a line, embedded in Core so the words alone need no encoder; held as one byte
/// array (about 170 KB) and searched by halving, not as a set of strings.
/// </summary>
internal static class EnglishWords
{
    private const string Resource = "ChatRequests.Core.EnglishWords.txt";
    private const string CommonResource = "ChatRequests.Core.EnglishWords.Common.txt";
    private const int MinLength = 4;
    private const int MaxLength = 14;

    private static readonly Lazy<byte[]> Sorted = new(() => Load(Resource));
    private static readonly Lazy<byte[]> Common = new(() => Load(CommonResource));

    /// <summary>Whether <paramref name="word"/> (lower case, as typed) is an English word of the list.</summary>
    public static bool Contains(string word) => IsIn(Sorted.Value, word);

    /// <summary>
    /// Whether <paramref name="word"/> is one of the list's 1,000 most frequent words (the vocabulary's first, in its
    /// order; <c>EnglishWords.Common.txt</c>): so common that it is what was meant, never a typo (ADR 0072).
    /// </summary>
    public static bool IsCommon(string word) => IsIn(Common.Value, word);

    private static bool IsIn(byte[] blob, string word)
    {
        if (word.Length is < MinLength or > MaxLength || !word.All(char.IsAsciiLetterLower))
        {
            return false;
        }

        var low = 0;
        var high = blob.Length;
        while (low < high)
        {
            // The line the middle byte is in: back to its start, on to its end.
            var start = (low + high) / 2;
            while (start > low && blob[start - 1] != (byte)'\n')
            {
                start--;
            }

            var end = start;
            while (end < blob.Length && blob[end] != (byte)'\n')
            {
                end++;
            }

            var order = Compare(blob.AsSpan(start, end - start), word);
            if (order == 0)
            {
                return true;
            }

            if (order < 0)
            {
                low = end + 1;
            }
            else
            {
                high = start;
            }
        }

        return false;
    }

    private static int Compare(ReadOnlySpan<byte> line, string word)
    {
        var shared = Math.Min(line.Length, word.Length);
        for (var i = 0; i < shared; i++)
        {
            if (line[i] != word[i])
            {
                return line[i] - word[i];
            }
        }

        return line.Length - word.Length;
    }

    private static byte[] Load(string resource)
    {
        using var stream = typeof(EnglishWords).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Core does not embed {resource}.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
