namespace ChatRequests.ReferenceData;

/// <summary>Collects the problems of one reference data file, each prefixed with the file's path.</summary>
public sealed class ProblemList(string file)
{
    private readonly List<string> _problems = [];

    public IReadOnlyList<string> Items => _problems;

    public void Add(string problem) => _problems.Add($"{file}: {problem}");

    /// <summary>Reports every id used more than once (ignoring case, since people do not see the difference).</summary>
    public void AddDuplicates(string what, IEnumerable<string> ids)
    {
        foreach (var duplicate in ids.Where(id => !string.IsNullOrWhiteSpace(id))
                     .GroupBy(id => id, StringComparer.OrdinalIgnoreCase)
                     .Where(g => g.Count() > 1))
        {
            Add($"{what} id '{duplicate.Key}' is used {duplicate.Count()} times.");
        }
    }

    public void ThrowIfAny()
    {
        if (_problems.Count > 0)
        {
            throw new ReferenceDataException(_problems);
        }
    }
}
