using ChatRequests.Core.Reporting;
using ChatRequests.PortContracts.Reporting;

namespace ChatRequests.Core.Tests.Reporting;

public sealed class InMemoryReportingStoreTests : ReportingStoreContract
{
    protected override IReportingStore CreateStore() => new InMemoryReportingStore();
}
