using ChatRequests.Core.Requests;

namespace ChatRequests.Core.Reporting;

/// <summary>
/// Keeps the reporting projection up to date from request documents: by the outbox events on the embedded default
/// (<see cref="Fulfilment.FulfilmentHandler"/>), from the Cosmos DB change feed on Azure. The store keeps only the newest
/// row, so a redelivered or late document never moves a row backwards.
/// </summary>
public sealed class FactsProjection(IReportingStore store)
{
    public Task<bool> ProjectAsync(ServiceRequest request, CancellationToken cancellationToken = default) =>
        store.UpsertFactsAsync(RequestFacts.From(request), cancellationToken);
}
