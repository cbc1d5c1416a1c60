using System.Diagnostics;
using ChatRequests.Composition;
using ChatRequests.Core.Catalog;
using ChatRequests.Core.Messaging;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Reporting;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using ChatRequests.Core.Workflow;
using ChatRequests.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ChatRequests.LoadDriver;

/// <summary>What becomes of a seeded request: how far along its lifecycle it was taken.</summary>
internal enum SeedFate
{
    Closed,
    Rejected,
    Cancelled,
    AwaitingApproval,
    Assigned,
    /// <summary>Resolved, not confirmed: the requester is asked "is it fixed?".</summary>
    Fulfilled,
}

/// <summary>Where the seeded requesters' personal chats with the bot are, as Teams told the bot when they first wrote to it.</summary>
internal sealed record SeedChats(string ServiceUrl, string TenantId);

/// <summary>
/// Writes realistic requests into a SQLite file through the product's own use cases and stores, composed as the bot
/// composes them (<see cref="DependencyInjection.AddChatRequests"/>): a submitted form, the approvers' decisions, an agent
/// who takes it, the resolution, the requester's confirmation and rating, each at its own moment of a fake clock, then
/// the reporting projection's row. The outbox is emptied (its cards were "delivered" long ago), so a bot started on the
/// file has nothing to catch up on. Several workers write at once, each with its own composition and clock, as several
/// instances would.
/// </summary>
internal static class StoreSeeder
{
    private const int Workers = 3;
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(7);

    /// <summary>The text a person would type into each kind of field: a value the sample catalogs' patterns accept.</summary>
    private static readonly Dictionary<string, string> TextValues = new(StringComparer.Ordinal)
    {
        ["costCentre"] = "CC-4711",
        ["mailbox"] = "facilities@contoso.com",
        ["sharePath"] = @"\\files\projects\apollo",
        ["contactPhone"] = "+49 30 1234567",
    };

    /// <param name="fateOf">What becomes of the request with this index (0 is the oldest).</param>
    /// <param name="endAt">When the newest request was submitted; the others are <see cref="Step"/> apart before it.</param>
    /// <param name="chats">When given, each requester's personal chat is stored (Persona.PersonalChatId), so notices need not open one.</param>
    public static async Task<TimeSpan> SeedAsync(
        string sqlitePath, string organisationPath, IReadOnlyList<Persona> requesters, int count, Func<int, SeedFate> fateOf,
        DateTimeOffset endAt, SeedChats? chats, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        var startAt = endAt - Step * count;
        var done = 0;
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(worker => Task.Run(async () =>
        {
            var clock = new FakeTimeProvider(startAt);
            using var host = Compose(sqlitePath, organisationPath, clock);
            var seeding = new Seeding(host.Services, clock);
            if (worker == 0 && chats is not null)
            {
                await seeding.ChatsAsync(requesters, chats, cancellationToken);
            }

            var items = seeding.Items();
            for (var i = worker; i < count; i += Workers)
            {
                cancellationToken.ThrowIfCancellationRequested();
                clock.SetUtcNow(startAt + Step * i);
                await seeding.RequestAsync(requesters[i % requesters.Count], items[i % items.Count], fateOf(i), i, cancellationToken);
                if (Interlocked.Increment(ref done) % 10_000 == 0)
                {
                    await Console.Error.WriteLineAsync($"seeded\t{done}\t{started.Elapsed.TotalSeconds:0} s");
                }
            }
        }, cancellationToken)));

        // Closes the pooled connections, so the last one out checkpoints the WAL into the file.
        SqliteConnection.ClearAllPools();
        return started.Elapsed;
    }

    /// <summary>A folder in memory when there is one (/dev/shm): seeding writes hundreds of thousands of commits.</summary>
    public static string FastFolder => Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();

    private static IHost Compose(string sqlitePath, string organisationPath, TimeProvider clock)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args =
            [
                $"--Storage:SqlitePath={sqlitePath}",
                $"--Directory:Path={organisationPath}",
                $"--Catalog:Path={RepositoryPaths.Samples("catalog.json")}",
                "--Bot:DefaultServiceUrl=http://127.0.0.1:9/teams/",
            ],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.AddChatRequests(AdapterHost.Bot);
        builder.Services.AddSingleton(clock);
        return builder.Build();
    }

    /// <summary>One worker's use cases and stores, on its own clock.</summary>
    private sealed class Seeding(IServiceProvider services, FakeTimeProvider clock)
    {
        private static readonly TimeSpan Moment = TimeSpan.FromMinutes(1);

        private readonly RequestWorkflow _workflow = services.GetRequiredService<RequestWorkflow>();
        private readonly IRequestStore _store = services.GetRequiredService<IRequestStore>();
        private readonly IDirectory _directory = services.GetRequiredService<IDirectory>();
        private readonly ICatalog _catalog = services.GetRequiredService<ICatalog>();
        private readonly FactsProjection _facts = new(services.GetRequiredService<IReportingStore>());

        /// <summary>The catalog's items a person can ask for with a plain form: every required field a choice or known text, one approval stage or none.</summary>
        public IReadOnlyList<CatalogItem> Items() =>
        [
            .. _catalog.Items.Where(item =>
                item.Provisioning is null
                && item.Approval.Stages.All(stage => stage.Kind == StageKinds.Manager)
                && item.Fields.Where(f => f.Required).All(f => f.Type == FieldType.Choice || TextValues.ContainsKey(f.Id))),
        ];

        public async Task ChatsAsync(IReadOnlyList<Persona> people, SeedChats chats, CancellationToken cancellationToken)
        {
            var store = services.GetRequiredService<IConversationStore>();
            foreach (var who in people)
            {
                await store.UpsertAsync(new ConversationReference
                {
                    ConversationId = who.PersonalChatId,
                    ServiceUrl = chats.ServiceUrl,
                    TenantId = chats.TenantId,
                    ConversationType = ConversationType.Personal,
                    UserAadObjectId = who.AadObjectId,
                    UserId = who.TeamsId,
                    BotId = TeamsDriver.BotId,
                    UpdatedAt = clock.GetUtcNow(),
                }, cancellationToken);
            }
        }

        public async Task RequestAsync(Persona who, CatalogItem item, SeedFate fate, int index, CancellationToken cancellationToken)
        {
            var requester = new PersonRef(who.AadObjectId, who.Name);
            var entry = await _directory.FindPersonAsync(who.AadObjectId, cancellationToken);
            var submitted = await _workflow.SubmitAsync(Actor.Of(who.AadObjectId, entry, who.Name), FormFor(item, index), cancellationToken);
            var request = submitted.Request
                ?? throw new InvalidOperationException($"The seeded form for {item.Id} was refused: {string.Join("; ", submitted.Errors.ByInput.Values)}");

            request = fate switch
            {
                SeedFate.AwaitingApproval when request.PendingStage is not null => request,
                SeedFate.Cancelled => await Later(() => _workflow.CancelAsync(request.Id, requester, "Not needed any more", cancellationToken)),
                SeedFate.Rejected when request.PendingStage is not null => await DecideAsync(request, approve: false, cancellationToken),
                _ => await WorkAsync(request, requester, fate, index, cancellationToken),
            };

            var delivered = await _store.UpdateIfChangedAsync(
                request, r => r.Outbox.Select(e => e.Id).ToList().Count(r.CompleteEvent) > 0, cancellationToken);
            await _facts.ProjectAsync(delivered, cancellationToken);
        }

        private async Task<ServiceRequest> WorkAsync(
            ServiceRequest request, PersonRef requester, SeedFate fate, int index, CancellationToken cancellationToken)
        {
            while (request.PendingStage is not null)
            {
                request = await DecideAsync(request, approve: true, cancellationToken);
            }

            var team = (await _directory.ListTeamsAsync(cancellationToken)).Single(t => t.Id == request.TeamId);
            var agent = await PersonAsync(team.MemberIds[index % team.MemberIds.Count], cancellationToken);
            if (request.Assignee is null)
            {
                request = await Later(() => _workflow.AssignToSelfAsync(request.Id, agent, cancellationToken));
            }

            if (fate == SeedFate.Assigned)
            {
                return request;
            }

            request = await Later(() => _workflow.ResolveAsync(request.Id, agent, "Handed over at the service desk", "Checked with the requester", cancellationToken));
            if (request.State == RequestState.InReview)
            {
                var reviewer = await PersonAsync(team.LeadId is { } lead && lead != agent.Id ? lead : team.MemberIds.First(id => id != agent.Id), cancellationToken);
                request = await Later(() => _workflow.PassReviewAsync(request.Id, reviewer, cancellationToken));
            }

            return fate == SeedFate.Fulfilled || request.State != RequestState.Fulfilled
                ? request
                : await Later(() => _workflow.ConfirmAsync(request.Id, requester, 4 + index % 2, "Works, thank you", cancellationToken));
        }

        private async Task<ServiceRequest> DecideAsync(ServiceRequest request, bool approve, CancellationToken cancellationToken)
        {
            var approver = request.PendingStage!.Awaiting[0];
            return await Later(() => _workflow.DecideAsync(
                request.Id, approver, approve, approve ? "Fine by me" : "Not in this year's budget", request.CurrentStage, cancellationToken));
        }

        private async Task<PersonRef> PersonAsync(string id, CancellationToken cancellationToken) =>
            await _directory.FindPersonAsync(id, cancellationToken) is { } person
                ? new PersonRef(person.Id, person.Name)
                : throw new InvalidOperationException($"{id} is in a team but not in the directory.");

        /// <summary>Each step a moment after the one before (the next request is <see cref="Step"/> later).</summary>
        private Task<ServiceRequest> Later(Func<Task<ServiceRequest>> step)
        {
            clock.Advance(Moment);
            return step();
        }

        private static RequestForm FormFor(CatalogItem item, int index) => new(
            $"seed-{index}",
            item.Id,
            $"Seeded request {index}: needed for my work",
            (index % 3) switch { 0 => "High", 1 => "Medium", _ => "Low" },
            item.Fields.Where(f => f.Required).ToDictionary(
                f => f.Id,
                f => (string?)(f.Type == FieldType.Choice ? f.Choices[index % f.Choices.Count] : TextValues[f.Id])));
    }
}
