using ChatRequests.Core.Catalog;

namespace ChatRequests.Core.Sla;

/// <summary>The fulfilment target of a request: its catalog item's SLA, counted from submission.</summary>
public static class SlaPolicy
{
    public static DateTimeOffset TargetFor(CatalogItem item, DateTimeOffset submittedAt) =>
        submittedAt.AddHours(item.SlaHours);

    public static bool IsBreached(DateTimeOffset dueAt, DateTimeOffset now) => now > dueAt;
}
