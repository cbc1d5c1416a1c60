using ChatRequests.ReferenceData.Catalog;
using static ChatRequests.Embedded.Tests.ReferenceData.ReferenceFiles;

namespace ChatRequests.Embedded.Tests.ReferenceData;

/// <summary>Every catalog and organisation shipped in samples/ starts the bot: the host's loaders and check find nothing wrong.</summary>
public sealed class SampleReferenceDataTests
{
    public static TheoryData<string> Samples => new() { "samples", "samples/hospital", "samples/university", "samples/factory" };

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task LoadAndCheck_SampleCatalogWithItsOrganisation_FindsNoProblems(string folder)
    {
        var catalog = LoadCatalog($"{folder}/catalog.json");
        var directory = LoadDirectory($"{folder}/organisation.json");

        var problems = await CatalogDirectoryCheck.FindProblemsAsync(catalog, directory, folder);

        Assert.Empty(problems);
        Assert.NotEmpty(catalog.Items);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void ChoiceSynonyms_SampleCatalog_NameOnlyChoicesOfTheirField(string folder)
    {
        // The loader does not check this, and a misspelt key would quietly never pre-select anything.
        var strays = LoadCatalog($"{folder}/catalog.json").Items
            .SelectMany(item => item.Fields.SelectMany(field => field.ChoiceSynonyms.Keys
                .Where(choice => !field.Choices.Contains(choice, StringComparer.Ordinal))
                .Select(choice => $"{item.Id}.{field.Id}: '{choice}'")));

        Assert.Empty(strays);
    }
}
