using ChatRequests.Core.Catalog;
using ChatRequests.ReferenceData.Catalog;
using static ChatRequests.Embedded.Tests.ReferenceData.ReferenceFiles;

namespace ChatRequests.Embedded.Tests.ReferenceData;

/// <summary>Every catalog and organisation shipped in samples/ starts the bot: the host's loaders and check find nothing wrong.</summary>
public sealed class SampleReferenceDataTests
{
    public static TheoryData<string> Samples => new()
    {
        "samples", "samples/hospital", "samples/university", "samples/factory", "samples/retail", "samples/airline",
        "samples/council", "samples/logistics", "samples/schools", "samples/hotel", "samples/bank",
        "samples/construction", "samples/broadcaster", "samples/lawfirm", "samples/pharmalab", "samples/transit", "samples/utility",
        "samples/insurer", "samples/mining", "samples/charity", "samples/agri", "samples/gamestudio", "samples/vet",
        "samples/port", "samples/museum", "samples/firerescue", "samples/prison", "samples/football", "samples/opera",
        "samples/forestry", "samples/zoo", "samples/courts", "samples/observatory", "samples/brewery",
        "samples/skiresort",
        "samples/telecom", "samples/fashion", "samples/recycling", "samples/carehomes", "samples/datacentre",
        "samples/offshorewind", "samples/dental", "samples/consultancy", "samples/police",
    };

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

    // Monday 28 December 2026 is the hospital's Boxing Day holiday; Saturday 5 December a working day of the factory's plant IT;
    // Sunday 6 December a trading day the retail store systems team works, and its service desk does not; Saturday 5 December
    // at 05:00 in Oslo the airline's airport systems team is at work for the first flights, its service desk is not (nor on
    // Christmas Eve, a holiday of the airline's calendar). Saturday 5 December at 07:00 the council's field technology team is at
    // work with the bin crews, its service desk is not, nor on the Boxing Day bank holiday moved to Monday 28 December; its
    // members' support team works the evening of a committee meeting. The grain co-op's site systems team works a Sunday evening
    // (the receival sites' harvest hours), its service desk not on Boxing Day, its ag systems team a Saturday (the Ag Centres open Saturdays).
    // The game studio's live ops team works Saturday evenings, when players play; its service desk does not, nor on Christmas
    // Eve, a studio holiday. The opera house's production technology team works a Saturday evening performance; its service desk does not.
    // The forestry agency's radio and fire systems team works a Saturday evening (the wildfire watch), its service desk not on a Saturday.
    // The courts region's enforcement field technology team works a Saturday at 07:00 (bailiffs visit early), its service desk does not.
    // The observatory's summit IT team works at 02:00 on a Chilean holiday (8 December; the telescopes observe at night), its service desk does not work that day.
    // The brewery's pub and hotel systems team works a Saturday evening (the pubs' busiest hours), its service desk does not; its depot
    // and fleet systems team starts at 05:00 with the drays, on Saturdays too, and not on Christmas Day.
    // The ski resort's lift and slope systems team works a Sunday at 06:00 (the lifts are checked before opening) and on the
    // Immaculate Conception holiday (8 December, a busy ski day); its service desk works neither.
    // The telecoms operator's network and secure systems team works at 03:00 on a Sunday and on Boxing Day (the NOC never closes),
    // its service desk does not; its shop systems team works a Sunday afternoon, when the shops trade.
    // The fashion house's store systems team works a Sunday afternoon (the stores trade), its service desk does not; its supply
    // chain systems team starts at 05:00 on Saturdays (the warehouse and the factories in Asia); its commerce systems team
    // works the Boxing Day sale evening, when the web shop is busiest; the service desk not on the moved Boxing Day holiday.
    // The waste company's fleet and depot systems team starts at 05:00 with the bin crews, Saturdays too; its service desk does not.
    // Its plant and OT systems team works at 03:00 on Christmas Day (the energy-from-waste plant never stops).
    // The care provider's home care systems team works at 06:30 on a Sunday and on Boxing Day (the carers' first visits of the
    // day); its care systems team a Sunday evening but not Christmas Day; its service desk neither Sunday nor the moved Boxing Day.
    // The data centre company's NOC works at 03:00 on Christmas Day (it never closes), its service desk does not; its data hall
    // operations team works a Sunday at 07:00 (customers visit and remote hands are done at weekends), not on Christmas Day.
    // The dental group's practice systems team works Saturday mornings (the practices open for patients), its service desk does not.
    [Theory]
    [InlineData("samples/hospital", "team-clinical-apps", "2026-12-28T10:00:00+00:00", false)]
    [InlineData("samples/hospital", "team-clinical-apps", "2026-12-29T10:00:00+00:00", true)]
    [InlineData("samples/hospital", "team-telecoms", "2026-12-28T03:00:00+00:00", true)]
    [InlineData("samples/university", "team-service-desk", "2026-12-07T08:00:00+01:00", false)]
    [InlineData("samples/university", "team-service-desk", "2026-12-07T08:30:00+01:00", true)]
    [InlineData("samples/factory", "team-plant-it", "2026-12-05T06:00:00+01:00", true)]
    [InlineData("samples/factory", "team-service-desk", "2026-12-05T10:00:00+01:00", false)]
    [InlineData("samples/retail", "team-store-systems", "2026-12-06T10:00:00+00:00", true)]
    [InlineData("samples/retail", "team-service-desk", "2026-12-06T10:00:00+00:00", false)]
    [InlineData("samples/airline", "team-airport-systems", "2026-12-05T05:00:00+01:00", true)]
    [InlineData("samples/airline", "team-service-desk", "2026-12-05T05:00:00+01:00", false)]
    [InlineData("samples/airline", "team-service-desk", "2026-12-24T10:00:00+01:00", false)]
    [InlineData("samples/council", "team-field-tech", "2026-12-05T07:00:00+00:00", true)]
    [InlineData("samples/council", "team-service-desk", "2026-12-05T07:00:00+00:00", false)]
    [InlineData("samples/council", "team-service-desk", "2026-12-28T10:00:00+00:00", false)]
    [InlineData("samples/council", "team-field-tech", "2026-12-28T10:00:00+00:00", true)]
    [InlineData("samples/council", "team-members-av", "2026-12-07T19:30:00+00:00", true)]
    [InlineData("samples/agri", "team-site-systems", "2026-12-06T20:00:00-06:00", true)]
    [InlineData("samples/agri", "team-service-desk", "2026-12-26T10:00:00-06:00", false)]
    [InlineData("samples/agri", "team-ag-systems", "2026-12-05T09:00:00-06:00", true)]
    [InlineData("samples/gamestudio", "team-liveops", "2026-12-05T21:00:00-05:00", true)]
    [InlineData("samples/gamestudio", "team-service-desk", "2026-12-05T21:00:00-05:00", false)]
    [InlineData("samples/gamestudio", "team-service-desk", "2026-12-24T10:00:00-05:00", false)]
    [InlineData("samples/football", "team-matchday-systems", "2026-12-26T15:00:00+00:00", true)]
    [InlineData("samples/football", "team-service-desk", "2026-12-26T15:00:00+00:00", false)]
    [InlineData("samples/opera", "team-production-tech", "2026-12-05T19:30:00+00:00", true)]
    [InlineData("samples/opera", "team-service-desk", "2026-12-05T19:30:00+00:00", false)]
    [InlineData("samples/forestry", "team-radio-fire", "2026-12-05T19:00:00+00:00", true)]
    [InlineData("samples/forestry", "team-service-desk", "2026-12-05T10:00:00+00:00", false)]
    [InlineData("samples/courts", "team-field-tech", "2026-12-05T07:00:00+00:00", true)]
    [InlineData("samples/courts", "team-service-desk", "2026-12-05T07:00:00+00:00", false)]
    [InlineData("samples/observatory", "team-summit-it", "2026-12-08T02:00:00-03:00", true)]
    [InlineData("samples/observatory", "team-service-desk", "2026-12-08T10:00:00-03:00", false)]
    [InlineData("samples/observatory", "team-service-desk", "2026-12-09T10:00:00-03:00", true)]
    [InlineData("samples/brewery", "team-trade-systems", "2026-12-05T21:00:00+00:00", true)]
    [InlineData("samples/brewery", "team-service-desk", "2026-12-05T21:00:00+00:00", false)]
    [InlineData("samples/brewery", "team-logistics-systems", "2026-12-05T05:30:00+00:00", true)]
    [InlineData("samples/brewery", "team-logistics-systems", "2026-12-25T05:30:00+00:00", false)]
    [InlineData("samples/skiresort", "team-mountain-systems", "2026-12-06T06:00:00+01:00", true)]
    [InlineData("samples/skiresort", "team-service-desk", "2026-12-06T10:00:00+01:00", false)]
    [InlineData("samples/skiresort", "team-mountain-systems", "2026-12-08T10:00:00+01:00", true)]
    [InlineData("samples/skiresort", "team-service-desk", "2026-12-08T10:00:00+01:00", false)]
    [InlineData("samples/skiresort", "team-service-desk", "2026-12-09T10:00:00+01:00", true)]
    [InlineData("samples/telecom", "team-network-systems", "2026-12-06T03:00:00+00:00", true)]
    [InlineData("samples/telecom", "team-network-systems", "2026-12-28T03:00:00+00:00", true)]
    [InlineData("samples/telecom", "team-service-desk", "2026-12-28T10:00:00+00:00", false)]
    [InlineData("samples/telecom", "team-retail-systems", "2026-12-06T15:00:00+00:00", true)]
    [InlineData("samples/fashion", "team-store-systems", "2026-12-06T15:00:00+00:00", true)]
    [InlineData("samples/fashion", "team-service-desk", "2026-12-06T15:00:00+00:00", false)]
    [InlineData("samples/fashion", "team-supply-chain-systems", "2026-12-05T05:30:00+00:00", true)]
    [InlineData("samples/fashion", "team-commerce-systems", "2026-12-26T20:00:00+00:00", true)]
    [InlineData("samples/fashion", "team-service-desk", "2026-12-28T10:00:00+00:00", false)]
    [InlineData("samples/recycling", "team-fleet-depot", "2026-12-05T05:30:00+00:00", true)]
    [InlineData("samples/recycling", "team-service-desk", "2026-12-05T05:30:00+00:00", false)]
    [InlineData("samples/recycling", "team-plant-ot", "2026-12-25T03:00:00+00:00", true)]
    [InlineData("samples/carehomes", "team-homecare-systems", "2026-12-06T06:30:00+00:00", true)]
    [InlineData("samples/carehomes", "team-homecare-systems", "2026-12-28T06:30:00+00:00", true)]
    [InlineData("samples/carehomes", "team-care-systems", "2026-12-06T20:00:00+00:00", true)]
    [InlineData("samples/carehomes", "team-care-systems", "2026-12-25T10:00:00+00:00", false)]
    [InlineData("samples/carehomes", "team-service-desk", "2026-12-06T10:00:00+00:00", false)]
    [InlineData("samples/carehomes", "team-service-desk", "2026-12-28T10:00:00+00:00", false)]
    [InlineData("samples/datacentre", "team-noc", "2026-12-25T03:00:00+00:00", true)]
    [InlineData("samples/datacentre", "team-service-desk", "2026-12-25T10:00:00+00:00", false)]
    [InlineData("samples/datacentre", "team-dc-ops", "2026-12-06T07:00:00+00:00", true)]
    [InlineData("samples/datacentre", "team-dc-ops", "2026-12-25T07:00:00+00:00", false)]
    [InlineData("samples/dental", "team-practice-systems", "2026-12-05T08:00:00+00:00", true)]
    [InlineData("samples/dental", "team-service-desk", "2026-12-05T08:00:00+00:00", false)]
    public async Task Calendars_SampleTeams_WorkOnTheirOwnOrTheOrganisationsCalendar(string folder, string teamId, string at, bool working)
    {
        var teams = await LoadDirectory($"{folder}/organisation.json").ListTeamsAsync();

        Assert.Equal(working, teams.Single(t => t.Id == teamId).WorkingCalendar().IsWorking(DateTimeOffset.Parse(at)));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void FieldPatterns_SampleCatalog_RunOnTheLinearEngine_SoNoSubmitWaitsOnATimeout(string folder)
    {
        var backtracking = LoadCatalog($"{folder}/catalog.json").Items
            .SelectMany(item => item.Fields.Where(f => f.Pattern is { } p && !FieldPattern.IsLinear(p)).Select(f => $"{item.Id}.{f.Id}"));

        Assert.Empty(backtracking);
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

    [Fact]
    public void SensitiveFields_TheHospitalSample_MarksWhatIdentifiesAPersonOrTheirReasons()
    {
        var catalog = LoadCatalog("samples/hospital/catalog.json");

        Assert.True(catalog.Find("epr-account")!.Fields.Single(f => f.Id == "employeeNumber").Sensitive);
        Assert.True(catalog.Find("epr-role-change")!.Fields.Single(f => f.Id == "reason").Sensitive);
        Assert.False(catalog.Find("epr-account")!.Fields.Single(f => f.Id == "role").Sensitive);
    }
}
