using ChatRequests.Core.Storage;

namespace ChatRequests.Core.Audit;

/// <summary>What checking every request's history found: how many, how many intact, unsealed and broken (with the verdicts).</summary>
public sealed record StoreAuditSummary(int Requests, int Intact, int Unsealed, IReadOnlyList<(string RequestId, ChainVerdict Verdict)> Broken)
{
    public bool AllIntact => Broken.Count == 0;
}

/// <summary>Verifies the history chain of every request in a store (<see cref="IRequestStore.ScanAsync"/>), a page at a time.</summary>
public static class StoreAudit
{
    public static async Task<StoreAuditSummary> CheckAsync(IRequestStore store, CancellationToken cancellationToken = default)
    {
        var (requests, intact, unsealed) = (0, 0, 0);
        var broken = new List<(string, ChainVerdict)>();
        await foreach (var request in store.ScanAsync(cancellationToken: cancellationToken))
        {
            requests++;
            var verdict = HistoryChain.Verify(request);
            switch (verdict.Status)
            {
                case ChainStatus.Intact:
                    intact++;
                    break;
                case ChainStatus.Unsealed:
                    unsealed++;
                    break;
                default:
                    broken.Add((request.Id, verdict));
                    break;
            }
        }

        return new StoreAuditSummary(requests, intact, unsealed, broken);
    }
}
