using System.Globalization;
using ChatRequests.Core.Reporting;
using ChatRequests.Core.Requests;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;

namespace ChatRequests.Azure.Storage;

/// <summary>
/// The reporting projection in the messaging container: one document per request (kind "requestFacts") and one per form
/// shown ("formShown"), each beside the properties a report's query narrows by. A row is replaced only by a newer
/// document version, with an ETag check, so two writers of the change feed cannot move it backwards.
/// </summary>
public sealed class CosmosReportingStore(CosmosContainers containers, ILogger<CosmosReportingStore> logger) : IReportingStore
{
    private const string FactsKind = "requestFacts";
    private const string FormKind = "formShown";

    private readonly CosmosDocuments _documents = new(logger, containers.OperationTimeout);

    public async Task<bool> UpsertFactsAsync(RequestFacts facts, CancellationToken cancellationToken = default)
    {
        var container = await containers.MessagingAsync(cancellationToken);
        var stored = false;
        await _documents.UpdateAsync<FactsDocument>(container, FactsId(facts.RequestId), current =>
        {
            stored = current is null || current.Facts.Version < facts.Version;
            return stored ? FactsDocument.Of(facts) : null;
        }, cancellationToken);
        if (stored)
        {
            await _documents.UpdateAsync<FormDocument>(container, FormId(facts.SubmissionKey), form =>
                form is { SubmittedAtUtc: null } ? form with { SubmittedAtUtc = RequestDocument.Utc(facts.SubmittedAt) } : null, cancellationToken);
        }

        return stored;
    }

    public async Task<RequestFacts?> GetFactsAsync(string requestId, CancellationToken cancellationToken = default)
    {
        var container = await containers.MessagingAsync(cancellationToken);
        return (await _documents.ReadAsync<FactsDocument>(container, FactsId(requestId), cancellationToken))?.Document.Facts;
    }

    public async Task RecordFormShownAsync(FormShown form, CancellationToken cancellationToken = default)
    {
        var container = await containers.MessagingAsync(cancellationToken);
        // A form whose request is projected already (a slow write) is submitted from the start.
        var submitted = await _documents.QueryAsync<FactsDocument>(
            container,
            new QueryDefinition("SELECT * FROM c WHERE c.type = @type AND c.submissionKey = @key")
                .WithParameter("@type", FactsKind).WithParameter("@key", form.FormKey),
            "facts by submission key",
            cancellationToken);
        var document = new FormDocument
        {
            Id = FormId(form.FormKey),
            Form = form with { SubmittedAt = null },
            TeamId = form.TeamId,
            Category = form.Category.ToUpperInvariant(),
            PersonId = form.Person.Id,
            ShownAtUtc = RequestDocument.Utc(form.ShownAt),
            SubmittedAtUtc = submitted.Count > 0 ? RequestDocument.Utc(submitted[0].Facts.SubmittedAt) : null,
        };
        await _documents.TryCreateAsync(container, document.Id, document, cancellationToken);
    }

    public async Task<IReadOnlyList<RequestFacts>> ReadFactsAsync(ReportScope scope, CancellationToken cancellationToken = default)
    {
        var container = await containers.MessagingAsync(cancellationToken);
        var query = Narrowed(
            "SELECT * FROM c WHERE c.type = @type AND c.submittedAtUtc < @to AND (c.updatedAtUtc >= @from OR c.isOpen = true)", scope, FactsKind);
        var rows = await _documents.QueryAsync<FactsDocument>(container, query, "report facts", cancellationToken);
        return [.. rows.Select(r => r.Facts).Where(scope.Covers)];
    }

    public async Task<IReadOnlyList<FormShown>> ReadFormsAsync(ReportScope scope, CancellationToken cancellationToken = default)
    {
        var container = await containers.MessagingAsync(cancellationToken);
        var query = Narrowed("SELECT * FROM c WHERE c.type = @type AND c.shownAtUtc >= @from AND c.shownAtUtc < @to", scope, FormKind);
        var forms = await _documents.QueryAsync<FormDocument>(container, query, "report forms", cancellationToken);
        return [.. forms.Select(f => f.Form with { SubmittedAt = f.SubmittedAtUtc is { } at ? Utc(at) : null }).Where(scope.Covers)];
    }

    /// <summary>The period, team and category as conditions (the requesters are checked on the rows read).</summary>
    private static QueryDefinition Narrowed(string select, ReportScope scope, string kind)
    {
        var text = select + (scope.TeamId is null ? "" : " AND c.teamId = @team") + (scope.Category is null ? "" : " AND c.category = @category");
        var query = new QueryDefinition(text)
            .WithParameter("@type", kind)
            .WithParameter("@from", RequestDocument.Utc(scope.Period.From))
            .WithParameter("@to", RequestDocument.Utc(scope.Period.To));
        if (scope.TeamId is not null)
        {
            query = query.WithParameter("@team", scope.TeamId);
        }

        // Categories compare ignoring case: stored and asked in upper case.
        return scope.Category is null ? query : query.WithParameter("@category", scope.Category.ToUpperInvariant());
    }

    private static DateTimeOffset Utc(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static string FactsId(string requestId) => CosmosIds.For(FactsKind, requestId);

    private static string FormId(string formKey) => CosmosIds.For(FormKind, formKey);

    private sealed record FactsDocument
    {
        public required string Id { get; init; }
        public string Type { get; init; } = FactsKind;
        public required string SubmissionKey { get; init; }
        public required string TeamId { get; init; }
        public required string Category { get; init; }
        public required string SubmittedAtUtc { get; init; }
        public required string UpdatedAtUtc { get; init; }
        public required bool IsOpen { get; init; }
        public required RequestFacts Facts { get; init; }

        public static FactsDocument Of(RequestFacts facts) => new()
        {
            Id = FactsId(facts.RequestId),
            SubmissionKey = facts.SubmissionKey,
            TeamId = facts.TeamId,
            Category = facts.Category.ToUpperInvariant(),
            SubmittedAtUtc = RequestDocument.Utc(facts.SubmittedAt),
            UpdatedAtUtc = RequestDocument.Utc(facts.UpdatedAt),
            IsOpen = facts.State.IsOpen(),
            Facts = facts,
        };
    }

    private sealed record FormDocument
    {
        public required string Id { get; init; }
        public string Type { get; init; } = FormKind;
        public string? TeamId { get; init; }
        public required string Category { get; init; }
        public required string PersonId { get; init; }
        public required string ShownAtUtc { get; init; }
        public string? SubmittedAtUtc { get; init; }
        public required FormShown Form { get; init; }
    }
}
