using System.Text.Json;
using ChatRequests.Azure.Storage;
using ChatRequests.Core.Reporting;
using ChatRequests.Functions.Invocation;

namespace ChatRequests.Functions.Reporting;

/// <summary>
/// ProjectFacts: the Cosmos DB change feed of the requests container keeps the reporting projection up to date, one fact
/// row per changed request document (<see cref="RequestFacts.From"/>), kept only if newer than the stored one, so a
/// batch delivered again (a retry, two instances) changes nothing. Its own lease prefix reads the feed from the
/// beginning on first start, which projects the requests logged before it was deployed. A store that fails answers 500
/// and the host retries the batch (function.json's retry policy); documents that are not requests are passed over.
/// </summary>
public sealed class ProjectFactsFunction(IReportingStore store, ILogger<ProjectFactsFunction> logger)
{
    public const string Name = "ProjectFacts";

    /// <summary>The trigger binding's name in ProjectFacts/function.json.</summary>
    public const string DocumentsBinding = "documents";

    private readonly FactsProjection _projection = new(store);

    public async Task<IResult> InvokeAsync(InvocationRequest invocation, CancellationToken cancellationToken)
    {
        if (!invocation.TryGetBinding(DocumentsBinding, out var documents) || documents.ValueKind != JsonValueKind.Array)
        {
            logger.LogError("ProjectFacts was invoked without a '{Binding}' document list", DocumentsBinding);
            return new InvocationResult
            {
                Logs = [$"Permanent failure: no '{DocumentsBinding}' document list in the invocation."],
                ReturnValue = "PermanentFailure",
            }.ToHttpResult();
        }

        var projected = 0;
        try
        {
            foreach (var document in documents.EnumerateArray())
            {
                if (RequestsChangeFeed.Read(document) is { Kind: ChangedDocumentKind.Request, Request: { } request }
                    && await _projection.ProjectAsync(request, cancellationToken))
                {
                    projected++;
                }
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "ProjectFacts could not store a fact row; the host retries the batch");
            return new InvocationResult { Logs = [$"Transient failure: {ex.GetType().Name}"] }.ToHttpResult(StatusCodes.Status500InternalServerError);
        }

        logger.LogInformation("Projected {RowCount} fact rows from {DocumentCount} changed documents", projected, documents.GetArrayLength());
        return new InvocationResult
        {
            Logs = [$"Projected {projected} fact rows from {documents.GetArrayLength()} changed documents."],
            ReturnValue = projected,
        }.ToHttpResult();
    }
}
