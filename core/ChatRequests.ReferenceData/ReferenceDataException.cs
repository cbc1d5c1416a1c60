namespace ChatRequests.ReferenceData;

/// <summary>
/// The catalog or organisation file cannot be used. Lists every problem found, each naming its file and
/// the item, so that one start shows everything there is to fix.
/// </summary>
public sealed class ReferenceDataException(IReadOnlyList<string> problems) : Exception(Describe(problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;

    private static string Describe(IReadOnlyList<string> problems) =>
        $"The reference data has {problems.Count} problem{(problems.Count == 1 ? "" : "s")}; fix {(problems.Count == 1 ? "it" : "them")} and start again:"
        + string.Concat(problems.Select(p => Environment.NewLine + "  - " + p));
}
