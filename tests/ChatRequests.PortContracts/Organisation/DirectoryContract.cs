using ChatRequests.Core.Organisation;

namespace ChatRequests.PortContracts.Organisation;

/// <summary>
/// What every <see cref="IDirectory"/> adapter must do, tested through the port only, on one organisation
/// (<see cref="OrganisationFile"/>) that each adapter's test class loads the way its adapter reads one.
/// </summary>
public abstract class DirectoryContract : IAsyncLifetime
{
    protected const string Rita = "4f1c9a1e-0000-4000-8000-00000000000a";
    protected const string Mark = "4f1c9a1e-0000-4000-8000-00000000000b";
    protected const string Bea = "4f1c9a1e-0000-4000-8000-00000000000c";
    protected const string Sam = "4f1c9a1e-0000-4000-8000-00000000000d";
    protected const string Sue = "4f1c9a1e-0000-4000-8000-00000000000e";
    protected const string Ann = "4f1c9a1e-0000-4000-8000-00000000000f";
    protected const string Grace = "4f1c9a1e-0000-4000-8000-000000000010";
    protected const string GraceLiuzzi = "4f1c9a1e-0000-4000-8000-000000000011";
    protected const string Tomas = "4f1c9a1e-0000-4000-8000-000000000012";
    protected const string Siobhan = "4f1c9a1e-0000-4000-8000-000000000013";

    /// <summary>The organisation as a JSON file (people, teams, approver groups), next to the test assembly.</summary>
    public static string OrganisationFile => Path.Combine(AppContext.BaseDirectory, "Organisation", "organisation.json");

    protected IDirectory Directory { get; private set; } = null!;

    /// <summary>The adapter over the organisation in <paramref name="organisationFile"/>.</summary>
    protected abstract Task<IDirectory> OpenAsync(string organisationFile);

    public async Task InitializeAsync() => Directory = await OpenAsync(OrganisationFile);

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task FindPersonAsync_KnownPerson_ReturnsEveryField()
    {
        var rita = await Directory.FindPersonAsync(Rita);

        Assert.Equal(new Person
        {
            Id = Rita, Name = "Rita Requester", Email = "rita@contoso.example", Department = "Sales",
            JobTitle = "Account manager", ManagerId = Mark,
        }, rita);
    }

    [Fact]
    public async Task FindPersonAsync_PersonWithoutOptionalFields_LeavesThemEmpty()
    {
        var ann = await Directory.FindPersonAsync(Ann);

        Assert.Equal(new Person { Id = Ann, Name = "Ann Agent", ManagerId = Sam }, ann);
    }

    [Fact]
    public async Task FindPersonAsync_FollowingTheManagers_ReachesTheTopWhoHasNone()
    {
        var chain = new List<string>();
        for (var person = await Directory.FindPersonAsync(Sue); person is not null; person = person.ManagerId is { } next ? await Directory.FindPersonAsync(next) : null)
        {
            chain.Add(person.Name);
        }

        Assert.Equal(["Sue Security", "Sam Security", "Bea Boss"], chain);
    }

    [Fact]
    public async Task FindPersonAsync_IdInOtherCase_FindsThePersonUnderTheirOwnId()
    {
        // Entra object ids are GUIDs, which different sources write in different case.
        var rita = await Directory.FindPersonAsync(Rita.ToUpperInvariant());

        Assert.Equal(Rita, rita?.Id);
    }

    [Fact]
    public async Task FindPersonAsync_UnknownId_ReturnsNull()
    {
        Assert.Null(await Directory.FindPersonAsync("4f1c9a1e-0000-4000-8000-0000000000ff"));
    }

    [Fact]
    public async Task FindPeopleByNameAsync_FirstName_FindsEveryoneWithIt_ByName()
    {
        var found = await Directory.FindPeopleByNameAsync("grace");

        Assert.Equal([Grace, GraceLiuzzi], found.Select(p => p.Id));
    }

    [Fact]
    public async Task FindPeopleByNameAsync_WholeNameInOtherCase_FindsOnlyThatPerson_WithEveryField()
    {
        // Grace Liuzzi's name starts with every word too; the person with exactly that name comes alone.
        var found = await Directory.FindPeopleByNameAsync("  GRACE   liu ");

        Assert.Equal([new Person
        {
            Id = Grace, Name = "Grace Liu", Email = "grace@contoso.example", Department = "IT",
            JobTitle = "Service owner", ManagerId = Sam,
        }], found);
    }

    [Theory]
    [InlineData("g liu")]
    [InlineData("Liu G")]
    [InlineData("gra")]
    public async Task FindPeopleByNameAsync_EveryWordTheStartOfAWordOfTheName_FindsThem(string typed)
    {
        var found = await Directory.FindPeopleByNameAsync(typed);

        Assert.Contains(Grace, found.Select(p => p.Id));
        Assert.DoesNotContain(Rita, found.Select(p => p.Id));
    }

    [Fact]
    public async Task FindPeopleByNameAsync_NameWithAccentsInOtherCase_FindsThem()
    {
        var found = await Directory.FindPeopleByNameAsync("TOMÁS");

        Assert.Equal([Tomas], found.Select(p => p.Id));
        Assert.Equal(Bea, found[0].ManagerId);
    }

    [Fact]
    public async Task FindPeopleByNameAsync_NameWithAQuote_FindsThem()
    {
        Assert.Equal([Siobhan], (await Directory.FindPeopleByNameAsync("o'brien")).Select(p => p.Id));
    }

    [Theory]
    [InlineData("nobody")]
    [InlineData("grace x")]
    [InlineData("   ")]
    [InlineData("' or displayName eq 'Rita Requester")]
    [InlineData("Rita') or startswith(displayName,'")]
    public async Task FindPeopleByNameAsync_NoMatch_FindsNobody(string typed)
    {
        // Typed text is a name to match, never a query: quotes and operators in it match nobody.
        Assert.Empty(await Directory.FindPeopleByNameAsync(typed));
    }

    [Fact]
    public async Task ListDirectReportIdsAsync_Manager_ReturnsThoseWhoReportToThem_AndOthersNobody()
    {
        Assert.Equal([Grace, Ann, Sue], (await Directory.ListDirectReportIdsAsync(Sam)).Order(StringComparer.OrdinalIgnoreCase).Reverse());
        Assert.Equal([Rita, GraceLiuzzi], (await Directory.ListDirectReportIdsAsync(Mark.ToUpperInvariant())).Order(StringComparer.OrdinalIgnoreCase));
        Assert.Empty(await Directory.ListDirectReportIdsAsync(Rita));
        Assert.Empty(await Directory.ListDirectReportIdsAsync("4f1c9a1e-0000-4000-8000-0000000000ff"));
    }

    [Fact]
    public async Task ListTeamsAsync_ReturnsEveryTeamWithItsCategoriesChannelLeadAndMembers()
    {
        var teams = await Directory.ListTeamsAsync();

        Assert.Equal(["service-desk", "licensing"], teams.Select(t => t.Id));
        var desk = teams[0];
        Assert.Equal("Service desk", desk.Name);
        Assert.Equal(["Hardware", "Access"], desk.Categories);
        Assert.Equal("19:desk@thread.tacv2", desk.ChannelId);
        Assert.Equal(Sam, desk.LeadId);
        Assert.Equal([Ann, Sue, Sam], desk.MemberIds);
        Assert.True(desk.HasMember(Sue));
        Assert.False(desk.HasMember(Rita));
    }

    [Fact]
    public async Task ListTeamsAsync_TeamWithoutALead_HasNoLead()
    {
        var licensing = (await Directory.ListTeamsAsync()).Single(t => t.Id == "licensing");

        Assert.Null(licensing.LeadId);
        Assert.Equal([Ann], licensing.MemberIds);
    }

    [Fact]
    public async Task FindGroupAsync_KnownGroup_ReturnsItsNameAndMembers()
    {
        var security = await Directory.FindGroupAsync("grp-security");

        Assert.NotNull(security);
        Assert.Equal(("grp-security", "IT Security"), (security.Id, security.Name));
        Assert.Equal([Sam, Sue], security.MemberIds);
        Assert.Equal([Mark], (await Directory.FindGroupAsync("grp-finance"))?.MemberIds);
    }

    [Fact]
    public async Task FindGroupAsync_IdInOtherCase_FindsTheGroup()
    {
        // The catalog names approver groups by id; a difference in case must not route an approval differently by adapter.
        var security = await Directory.FindGroupAsync("GRP-Security");

        Assert.Equal("IT Security", security?.Name);
    }

    [Fact]
    public async Task FindGroupAsync_UnknownId_ReturnsNull()
    {
        Assert.Null(await Directory.FindGroupAsync("grp-nobody"));
    }

    [Fact]
    public async Task FindCostCentreAsync_CodeInAnyCase_ReturnsItsOwner_AndAnUnknownCodeNothing()
    {
        Assert.Equal(new CostCentre { Id = "CC-1000", Name = "Sales", OwnerId = Mark }, await Directory.FindCostCentreAsync("cc-1000 "));
        Assert.Null(await Directory.FindCostCentreAsync("CC-9999"));
    }

    [Fact]
    public async Task ListEntitlementsAsync_ReturnsTheTableAsWritten()
    {
        var entitlements = await Directory.ListEntitlementsAsync();

        Assert.Equal(2, entitlements.Count);
        Assert.Equal(("IT", null, null), (entitlements[0].Department, entitlements[0].JobTitle, entitlements[0].GroupId));
        Assert.Equal(["ide-licence"], entitlements[0].ItemIds);
        Assert.Equal(["Software"], entitlements[0].Categories);
        Assert.Equal("grp-security", entitlements[1].GroupId);
        Assert.Equal(["vpn-admin"], entitlements[1].ItemIds);
        Assert.Empty(entitlements[1].Categories);
    }
}
