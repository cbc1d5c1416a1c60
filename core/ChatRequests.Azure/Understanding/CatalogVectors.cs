using ChatRequests.Core.Catalog;
using Microsoft.Extensions.AI;

namespace ChatRequests.Azure.Understanding;

/// <summary>
/// The catalog's items as vectors, embedded once and reused until the catalog's words change. Reading the catalog runs
/// beside the turns (bounded by its own timeout): a turn waits for it no longer than its own budget, and a failed
/// reading is tried again by the next turn.
/// </summary>
public sealed class CatalogVectors(IEmbeddingGenerator<string, Embedding<float>> generator, TimeSpan timeout, TimeProvider time)
{
    // Azure OpenAI takes up to 2048 inputs per request; smaller batches keep each answer small.
    private const int BatchSize = 100;
    private readonly Lock _gate = new();
    private Snapshot? _current;

    public sealed record Snapshot(IReadOnlyList<CatalogItem> Items, IReadOnlyList<string> Texts, Task<float[][]> Vectors);

    /// <summary>The vectors of <paramref name="items"/>: the cached ones if their words did not change, else a new reading.</summary>
    public Snapshot For(IReadOnlyList<CatalogItem> items) => For(items, out _);

    /// <param name="started">True when this call started the reading (false: one already under way or done is reused).</param>
    public Snapshot For(IReadOnlyList<CatalogItem> items, out bool started)
    {
        var texts = items.Select(ItemText.Of).ToList();
        lock (_gate)
        {
            var current = _current;
            var failed = current is not null && (current.Vectors.IsFaulted || current.Vectors.IsCanceled);
            started = false;
            if (current is null || failed || !current.Texts.SequenceEqual(texts, StringComparer.Ordinal))
            {
                current = new Snapshot(items, texts, EmbedAsync(texts));
                _current = current;
                started = true;
            }

            return current;
        }
    }

    private async Task<float[][]> EmbedAsync(IReadOnlyList<string> texts)
    {
        // Not the turn's token: a turn that gives up waiting does not waste the reading for the next one.
        using var budget = new CancellationTokenSource(timeout, time);
        var vectors = new List<float[]>(texts.Count);
        foreach (var batch in texts.Chunk(BatchSize))
        {
            var embeddings = await generator.GenerateAsync(batch, cancellationToken: budget.Token).ConfigureAwait(false);
            vectors.AddRange(Embeddings.Checked(embeddings, batch.Length));
        }

        return [.. vectors];
    }
}
