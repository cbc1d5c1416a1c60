using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace ChatRequests.Core.Catalog;

/// <summary>
/// Matches a value against a catalog field's <see cref="CatalogField.Pattern"/> (the whole value). A pattern the linear-time
/// engine can run (<see cref="RegexOptions.NonBacktracking"/>: everything but backreferences, lookarounds, atomic and
/// conditional groups) needs no timeout: its time grows with the value's length only, which the field bounds. The rest run on
/// the backtracking engine with <see cref="BacktrackingTimeout"/>; a match that takes longer is
/// <see cref="FieldPatternResult.NotChecked"/>, never an exception: a busy machine must not fail a person's submit.
/// </summary>
public static class FieldPattern
{
    /// <summary>Wall-clock time, so it is generous: on a loaded machine a thread may wait long for its core.</summary>
    public static readonly TimeSpan BacktrackingTimeout = TimeSpan.FromSeconds(2);

    /// <summary>A catalog has a few dozen patterns at most; a reloaded or edited one may bring others, so it is bounded.</summary>
    private const int MaxCached = 256;

    private static readonly ConcurrentDictionary<string, Regex> Compiled = new(StringComparer.Ordinal);

    public static FieldPatternResult Match(string pattern, string value)
    {
        try
        {
            return WholeValue(pattern).IsMatch(value) ? FieldPatternResult.Matches : FieldPatternResult.DoesNotMatch;
        }
        catch (RegexMatchTimeoutException)
        {
            return FieldPatternResult.NotChecked;
        }
    }

    /// <summary>Whether the linear-time engine runs the pattern (no timeout can happen), for the catalog's check and tests.</summary>
    public static bool IsLinear(string pattern) => WholeValue(pattern).Options.HasFlag(RegexOptions.NonBacktracking);

    private static Regex WholeValue(string pattern)
    {
        if (Compiled.TryGetValue(pattern, out var regex))
        {
            return regex;
        }

        if (Compiled.Count >= MaxCached)
        {
            Compiled.Clear();
        }

        return Compiled.GetOrAdd(pattern, Create);
    }

    private static Regex Create(string pattern)
    {
        var whole = $"^(?:{pattern})$";
        try
        {
            return new Regex(whole, RegexOptions.NonBacktracking, Regex.InfiniteMatchTimeout);
        }
        catch (NotSupportedException)
        {
            return new Regex(whole, RegexOptions.None, BacktrackingTimeout);
        }
    }
}

public enum FieldPatternResult { Matches, DoesNotMatch, NotChecked }
