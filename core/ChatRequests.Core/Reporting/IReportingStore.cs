namespace ChatRequests.Core.Reporting;

/// <summary>
/// The reporting projection's store: one fact row per request, kept only if newer, and the request forms shown. Reports
/// read it instead of the request documents.
/// </summary>
public interface IReportingStore
{
    /// <summary>
    /// Stores the row unless the stored one was built from the same or a newer document version (a redelivered or
    /// out-of-order event); a form shown with the row's submission key is marked submitted. True when it was stored.
    /// </summary>
    Task<bool> UpsertFactsAsync(RequestFacts facts, CancellationToken cancellationToken = default);

    Task<RequestFacts?> GetFactsAsync(string requestId, CancellationToken cancellationToken = default);

    /// <summary>Records a form shown (once per form key; a second call changes nothing).</summary>
    Task RecordFormShownAsync(FormShown form, CancellationToken cancellationToken = default);

    /// <summary>
    /// The rows of <paramref name="scope"/>'s team, category and requesters that can count in its period: submitted
    /// before its end and changed since its start, or still open (<see cref="ReportScopeFilter.MayCount"/>).
    /// </summary>
    Task<IReadOnlyList<RequestFacts>> ReadFactsAsync(ReportScope scope, CancellationToken cancellationToken = default);

    /// <summary>The forms shown in <paramref name="scope"/>'s period, of its team, category and requesters.</summary>
    Task<IReadOnlyList<FormShown>> ReadFormsAsync(ReportScope scope, CancellationToken cancellationToken = default);
}
