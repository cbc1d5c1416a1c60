using ChatRequests.Core.Catalog;
using ChatRequests.Core.Understanding;

namespace ChatRequests.IntakeEvaluation;

/// <summary>The readings the encoder read, read again another way (a hub correction, a query text, a second model's cosines).</summary>
internal static class EncodedReads
{
    /// <summary>
    /// Each catalog's encoded readings rewritten by what <paramref name="forCatalog"/> makes of its items, the others as they
    /// were; grouped by catalog in the order the catalogs first come.
    /// </summary>
    public static List<ReadUtterance> Rewritten(IReadOnlyList<ReadUtterance> reads, Evaluation evaluation, Func<IReadOnlyList<CatalogItem>, Func<Reading, Reading>> forCatalog)
    {
        var rewritten = new List<ReadUtterance>(reads.Count);
        foreach (var set in reads.GroupBy(r => r.Set.Catalog))
        {
            var rewrite = forCatalog(evaluation.LoadCatalog(set.Key).Items);
            rewritten.AddRange(set.Select(r => r.Reading.Cosines is null ? r : r with { Reading = rewrite(r.Reading) }));
        }

        return rewritten;
    }
}
