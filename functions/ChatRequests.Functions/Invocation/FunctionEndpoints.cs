using System.Text.Json;
using ChatRequests.Functions.AccessReviews;
using ChatRequests.Functions.Digest;
using ChatRequests.Functions.Fulfilment;
using ChatRequests.Functions.Relay;
using ChatRequests.Functions.Reporting;
using ChatRequests.Functions.Sla;

namespace ChatRequests.Functions.Invocation;

public static class FunctionEndpoints
{
    private static readonly JsonSerializerOptions RequestJsonOptions = new() { PropertyNameCaseInsensitive = true };

    /// <summary>
    /// One POST per function, at /&lt;FunctionName&gt; (the function's folder name), as the host calls a custom handler;
    /// and GET /, which the host's readiness ping may reach (any answer means the handler is up).
    /// </summary>
    public static IEndpointRouteBuilder MapFunctions(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Results.Text("ChatRequests Functions custom handler is running."));

        app.MapPost("/" + RelayOutboxFunction.Name, async (HttpRequest http, RelayOutboxFunction function, CancellationToken cancellationToken) =>
            await ReadAsync(http, cancellationToken) is { } invocation ? await function.InvokeAsync(invocation, cancellationToken) : BadEnvelope());

        app.MapPost("/" + RunFulfilmentStepFunction.Name, async (HttpRequest http, RunFulfilmentStepFunction function, CancellationToken cancellationToken) =>
            await ReadAsync(http, cancellationToken) is { } invocation ? await function.InvokeAsync(invocation, cancellationToken) : BadEnvelope());

        app.MapPost("/" + SweepSlasFunction.Name, async (HttpRequest http, SweepSlasFunction function, CancellationToken cancellationToken) =>
            await ReadAsync(http, cancellationToken) is not null ? await function.InvokeAsync(cancellationToken) : BadEnvelope());

        app.MapPost("/" + ProjectFactsFunction.Name, async (HttpRequest http, ProjectFactsFunction function, CancellationToken cancellationToken) =>
            await ReadAsync(http, cancellationToken) is { } invocation ? await function.InvokeAsync(invocation, cancellationToken) : BadEnvelope());

        app.MapPost("/" + SendDigestsFunction.Name, async (HttpRequest http, SendDigestsFunction function, CancellationToken cancellationToken) =>
            await ReadAsync(http, cancellationToken) is not null ? await function.InvokeAsync(cancellationToken) : BadEnvelope());

        app.MapPost("/" + SweepAccessReviewsFunction.Name, async (HttpRequest http, SweepAccessReviewsFunction function, CancellationToken cancellationToken) =>
            await ReadAsync(http, cancellationToken) is not null ? await function.InvokeAsync(cancellationToken) : BadEnvelope());
        return app;
    }

    private static async Task<InvocationRequest?> ReadAsync(HttpRequest http, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<InvocationRequest>(http.Body, RequestJsonOptions, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Not the host's envelope at all: fail the invocation (the host never sends this; a caller by hand might).</summary>
    private static IResult BadEnvelope() =>
        new InvocationResult { Logs = ["The body is not a custom handler invocation { \"Data\": ..., \"Metadata\": ... }."] }
            .ToHttpResult(StatusCodes.Status400BadRequest);
}
