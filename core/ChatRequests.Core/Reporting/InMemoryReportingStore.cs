using System.Collections.Concurrent;

namespace ChatRequests.Core.Reporting;

/// <summary>The projection in memory: for tests, and for a host composing the core without a store.</summary>
public sealed class InMemoryReportingStore : IReportingStore
{
    private readonly ConcurrentDictionary<string, RequestFacts> _facts = new();
    private readonly ConcurrentDictionary<string, FormShown> _forms = new();
    private readonly Lock _lock = new();

    public Task<bool> UpsertFactsAsync(RequestFacts facts, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (_facts.TryGetValue(facts.RequestId, out var stored) && stored.Version >= facts.Version)
            {
                return Task.FromResult(false);
            }

            _facts[facts.RequestId] = facts;
            if (_forms.TryGetValue(facts.SubmissionKey, out var form) && form.SubmittedAt is null)
            {
                _forms[facts.SubmissionKey] = form with { SubmittedAt = facts.SubmittedAt };
            }

            return Task.FromResult(true);
        }
    }

    public Task<RequestFacts?> GetFactsAsync(string requestId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_facts.GetValueOrDefault(requestId));

    public Task RecordFormShownAsync(FormShown form, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            // A form submitted before it was recorded (a slow write) is already known to be submitted.
            var submitted = _facts.Values.FirstOrDefault(f => f.SubmissionKey == form.FormKey)?.SubmittedAt;
            _forms.TryAdd(form.FormKey, form with { SubmittedAt = form.SubmittedAt ?? submitted });
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<RequestFacts>> ReadFactsAsync(ReportScope scope, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<RequestFacts>>([.. _facts.Values.Where(f => scope.Covers(f) && scope.Period.MayCount(f))]);

    public Task<IReadOnlyList<FormShown>> ReadFormsAsync(ReportScope scope, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<FormShown>>([.. _forms.Values.Where(scope.Covers)]);
}
