namespace ChatRequests.IntakeEvaluation;

/// <summary>Which sentences the sentence-led bars are fitted on (ADR 0085, <c>--cross-fit</c>).</summary>
public enum CrossFit
{
    /// <summary>The sentences the weights and the sureness were fitted on (the stored procedure).</summary>
    None,

    /// <summary>Each training catalog's sentences decided by the whole fit (weights and sureness) on the other training catalogs.</summary>
    Folds,

    /// <summary>The training catalogs in two halves (every other one, alphabetically); each half decided by the fit on the other.</summary>
    Halves,
}

/// <summary>
/// The out-of-fold models the bars are fitted on (ADR 0085): per training catalog, a model (candidates' weights and
/// sureness, no bars) fitted without it, so that no sentence both shapes the sureness and sets its bar. The model the bars
/// are then stored with is still the one fitted on every training catalog.
/// </summary>
internal static class OutOfFold
{
    /// <param name="rows">The sentences the fit weighs, of every training catalog.</param>
    /// <param name="catalogOf">The catalog a sentence is of.</param>
    /// <param name="fit">The fit of the weights and the sureness alone, as <see cref="Calibration.Fit"/> does it.</param>
    /// <returns>Per catalog, the model that decides its sentences for the bars; none when there are fewer than two catalogs.</returns>
    public static Dictionary<string, TModel> Models<TRow, TModel>(IReadOnlyList<TRow> rows, Func<TRow, string> catalogOf, CrossFit crossFit, Func<IReadOnlyList<TRow>, TModel> fit)
    {
        var names = rows.Select(catalogOf).Distinct().Order(StringComparer.Ordinal).ToList();
        if (crossFit == CrossFit.None || names.Count < 2)
        {
            return [];
        }

        if (crossFit == CrossFit.Folds)
        {
            return names.ToDictionary(name => name, name => fit([.. rows.Where(r => catalogOf(r) != name)]));
        }

        var first = Halves(names);
        var fittedOnFirst = fit([.. rows.Where(r => first.Contains(catalogOf(r)))]);
        var fittedOnSecond = fit([.. rows.Where(r => !first.Contains(catalogOf(r)))]);
        return names.ToDictionary(name => name, name => first.Contains(name) ? fittedOnSecond : fittedOnFirst);
    }

    /// <summary>The first half of the catalogs: every other one from the first, in the order given.</summary>
    public static HashSet<string> Halves(IEnumerable<string> orderedNames) => [.. orderedNames.Where((_, i) => i % 2 == 0)];
}
