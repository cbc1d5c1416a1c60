using ChatRequests.Core.Fulfilment;
using ChatRequests.Core.Messaging;
using ChatRequests.Core.Priority;
using ChatRequests.Core.Requests;
using ChatRequests.PortContracts;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatRequests.Core.Tests.Supply;

/// <summary>What the supply events make the notifier do.</summary>
public sealed class FulfilmentHandlerSupplyTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly PersonRef Requester = new("requester", "Rita Requester");
    private static readonly PersonRef Agent = new("agent", "Ada Agent");

    private readonly RecordingNotifier _notifier = new();
    private readonly FulfilmentHandler _handler;

    public FulfilmentHandlerSupplyTests() => _handler = new FulfilmentHandler(_notifier, new InMemoryRequestStore(), TimeProvider.System, NullLogger<FulfilmentHandler>.Instance, FulfilmentCollaborators.None);

    [Fact]
    public async Task SupplierOverdue_UpdatesTheTeamCard_AndAlertsTheAssignee()
    {
        var request = Working();
        request.AwaitSupplier(Agent, "Dell", "PO-1", new DateOnly(2026, 11, 24), null, Start.AddHours(1), TimeZoneInfo.Utc);
        request.CheckSla(Start.AddDays(2));

        await _handler.HandleAsync(request, request.Outbox.Single(e => e.Type == RequestEventType.SupplierOverdue));

        Assert.Equal(["team-card REQ-000042", "supplier-late REQ-000042 for Ada Agent"], _notifier.Calls);
    }

    [Fact]
    public async Task AlternativesOffered_AndOutForDelivery_TellTheRequester_AndUpdateTheTeamCard()
    {
        var request = Working();
        request.OfferAlternatives(Agent, [new OfferedItem("laptop-pro", "Laptop Pro", null, "")], null, Start.AddHours(1));
        await _handler.HandleAsync(request, request.Outbox[^1]);
        request.ChooseAlternative(
            Requester, new ItemReplacement("laptop-pro", "Laptop Pro", "Hardware", null, null, request.Fields, [], Delivery: true), [], null, Start.AddHours(2));
        await _handler.HandleAsync(request, request.Outbox[^1]);
        request.SendForDelivery(Agent, "DHL", "JD1", Start.AddHours(3));
        await _handler.HandleAsync(request, request.Outbox[^1]);

        Assert.Equal(
            [
                $"notice REQ-000042 {NoticeKind.AlternativesOffered}", "team-card REQ-000042",
                "team-card REQ-000042",
                $"notice REQ-000042 {NoticeKind.OutForDelivery}", "team-card REQ-000042",
            ],
            _notifier.Calls);
    }

    private static ServiceRequest Working()
    {
        var request = ServiceRequest.Submit(
            new ServiceRequest.Draft(
                "REQ-000042", "form-42", Requester, "laptop", "Laptop", "Hardware", null, "Old laptop.",
                new Dictionary<string, string>(), PriorityMatrix.Assess(Impact.Low, Urgency.Medium), "team-hardware", "Hardware Service",
                Start.AddHours(40), [], DeliversItem: true),
            Start);
        request.Assign(Agent, Agent, Start.AddMinutes(10));
        return request;
    }
}
