using ChatRequests.Core.Organisation;
using ChatRequests.PortContracts.Organisation;

namespace ChatRequests.Embedded.Tests.ReferenceData;

public sealed class JsonFileDirectoryContractTests : DirectoryContract
{
    protected override Task<IDirectory> OpenAsync(string organisationFile) =>
        Task.FromResult<IDirectory>(ReferenceFiles.LoadDirectory(organisationFile));
}
