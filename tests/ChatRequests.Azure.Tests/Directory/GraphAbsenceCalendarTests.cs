using System.Diagnostics;
using Azure.Core;
using ChatRequests.Azure.Graph;
using ChatRequests.Core;
using ChatRequests.Core.Organisation;
using ChatRequests.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static ChatRequests.Testing.FakeGraphServer;

namespace ChatRequests.Azure.Tests.Graph;

/// <summary>Out of office from the mailbox's automatic replies, against the loopback Graph.</summary>
public sealed class GraphAbsenceCalendarTests : IAsyncLifetime
{
    private const string Mark = "4f1c9a1e-0000-4000-8000-000000000002";
    private static readonly DateTimeOffset Now = new(2026, 12, 21, 12, 0, 0, TimeSpan.Zero);

    private readonly CapturingLoggerProvider _logs = new();
    private FakeGraphServer _graph = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraphServer.StartAsync();
        _graph.RetryAfter = TimeSpan.Zero;
        _graph.Users[Mark] = new GraphUser(Mark, "Mark Manager", "mark@contoso.example");
        _services = BuildServices(_graph.BaseUrl, _logs, absenceTimeout: "00:00:02");
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _graph.DisposeAsync();
    }

    private IAbsenceCalendar Calendar => _services.GetRequiredService<IAbsenceCalendar>();

    [Fact]
    public async Task Disabled_IsIn_EvenWithAnOldScheduleCoveringNow()
    {
        _graph.AutomaticReplies[Mark] = new AutoReplies("disabled",
            new ZonedTime("2026-12-20T00:00:00.0000000", "UTC"), new ZonedTime("2026-12-24T00:00:00.0000000", "UTC"));

        Assert.Null(await Calendar.FindAbsenceAsync(Mark, Now));
        var request = Assert.Single(_graph.Requests);
        Assert.Equal($"/v1.0/users/{Mark}/mailboxSettings/automaticRepliesSetting", request.PathAndQuery);
        Assert.Equal("Bearer fake-graph-token", request.Authorization);
    }

    [Fact]
    public async Task AlwaysEnabled_IsAwayWithNoEnd()
    {
        _graph.AutomaticReplies[Mark] = new AutoReplies("alwaysEnabled");

        Assert.Equal(new Absence(null, null), await Calendar.FindAbsenceAsync(Mark, Now));
    }

    [Fact]
    public async Task Scheduled_InUtc_IsAwayInsideTheWindowOnly_AndGraphIsAskedOnce()
    {
        _graph.AutomaticReplies[Mark] = new AutoReplies("scheduled",
            new ZonedTime("2026-12-20T08:00:00.0000000", "UTC"), new ZonedTime("2026-12-24T17:00:00.0000000", "UTC"));
        var from = new DateTimeOffset(2026, 12, 20, 8, 0, 0, TimeSpan.Zero);
        var until = new DateTimeOffset(2026, 12, 24, 17, 0, 0, TimeSpan.Zero);

        Assert.Equal(new Absence(from, until), await Calendar.FindAbsenceAsync(Mark, Now));
        Assert.Equal(new Absence(from, until), await Calendar.FindAbsenceAsync(Mark, from));
        Assert.Null(await Calendar.FindAbsenceAsync(Mark, from.AddMinutes(-1)));
        Assert.Null(await Calendar.FindAbsenceAsync(Mark, until));
        Assert.Single(_graph.Requests); // one reading, cached, judged against each time
    }

    [Theory]
    // Windows names, as Outlook writes them; 08:00 in Berlin in winter is 07:00 UTC, in Los Angeles in summer 15:00.
    [InlineData("W. Europe Standard Time", "2026-12-20T08:00:00", "2026-12-20T07:00:00Z")]
    [InlineData("Pacific Standard Time", "2026-07-01T08:00:00", "2026-07-01T15:00:00Z")]
    // IANA names, as Graph answers when a client set them (Prefer: outlook.timezone).
    [InlineData("Europe/Berlin", "2026-07-01T08:00:00", "2026-07-01T06:00:00Z")]
    [InlineData("America/New_York", "2026-12-20T08:00:00", "2026-12-20T13:00:00Z")]
    public async Task Scheduled_InAnotherTimeZone_StartsAtTheRightInstant(string zone, string localStart, string utcStart)
    {
        var start = DateTimeOffset.Parse(utcStart, System.Globalization.CultureInfo.InvariantCulture);
        _graph.AutomaticReplies[Mark] = new AutoReplies("scheduled",
            new ZonedTime(localStart + ".0000000", zone), new ZonedTime("2027-01-10T08:00:00.0000000", zone));

        Assert.Null(await Calendar.FindAbsenceAsync(Mark, start.AddMinutes(-1)));
        var absence = await Calendar.FindAbsenceAsync(Mark, start);

        Assert.Equal(start, absence?.From);
        Assert.Equal(TimeSpan.Zero, absence!.From!.Value.ToUniversalTime().Offset);
    }

    [Fact]
    public async Task Scheduled_InAnUnknownTimeZone_IsIn_WithAWarning()
    {
        _graph.AutomaticReplies[Mark] = new AutoReplies("scheduled",
            new ZonedTime("2026-12-20T08:00:00.0000000", "Mars/Olympus_Mons"), new ZonedTime("2026-12-24T17:00:00.0000000", "UTC"));

        Assert.Null(await Calendar.FindAbsenceAsync(Mark, Now));
        Assert.Contains(_logs.Logs, l => l.Level == LogLevel.Warning && l.Message.Contains("cannot be read (Mars/Olympus_Mons, UTC)"));
    }

    [Fact]
    public async Task Refused_IsIn_WithAWarningNamingTheStatus()
    {
        _graph.RefusedMailboxes[Mark] = true;

        Assert.Null(await Calendar.FindAbsenceAsync(Mark, Now));
        var line = Assert.Single(_logs.Logs, l => l.Category == typeof(GraphAbsenceCalendar).FullName);
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Contains("(403 ErrorAccessDenied)", line.Message);
    }

    [Fact]
    public async Task UnknownPersonOrNoMailbox_IsIn_WithAnInformationLine()
    {
        const string Nobody = "00000000-0000-4000-8000-00000000dead";

        Assert.Null(await Calendar.FindAbsenceAsync(Nobody, Now));
        var line = Assert.Single(_logs.Logs, l => l.Category == typeof(GraphAbsenceCalendar).FullName);
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Contains($"{Nobody} could not be read (404 ErrorInvalidUser)", line.Message);
    }

    [Fact]
    public async Task ThrottledThenAnswered_ReadsTheReplies()
    {
        _graph.AutomaticReplies[Mark] = new AutoReplies("alwaysEnabled");
        _graph.Throttle(1);

        Assert.NotNull(await Calendar.FindAbsenceAsync(Mark, Now));
        Assert.Equal(2, _graph.Requests.Count);
    }

    [Fact]
    public async Task ThrottledPastTheRetries_IsIn_WithAWarning_AndIsNotAskedAgainAtOnce()
    {
        _graph.AutomaticReplies[Mark] = new AutoReplies("alwaysEnabled");
        _graph.Throttle(10);

        Assert.Null(await Calendar.FindAbsenceAsync(Mark, Now));
        var asked = _graph.Requests.Count;
        Assert.Null(await Calendar.FindAbsenceAsync(Mark, Now));

        Assert.Equal(3, asked); // the first call and MaxRetries = 2
        Assert.Equal(asked, _graph.Requests.Count);
        Assert.Contains(_logs.Logs, l => l.Level == LogLevel.Warning && l.Message.Contains("could not be read; treated as not away"));
    }

    [Fact]
    public async Task SlowerThanTheTimeout_IsIn_WithoutWaitingForTheAnswer()
    {
        _graph.AutomaticReplies[Mark] = new AutoReplies("alwaysEnabled");
        _graph.MailboxDelay = TimeSpan.FromSeconds(10);
        var stopwatch = Stopwatch.StartNew();

        var absence = await Calendar.FindAbsenceAsync(Mark, Now);

        Assert.Null(absence);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"took {stopwatch.Elapsed}");
        Assert.Contains(_logs.Logs, l => l.Level == LogLevel.Warning && l.Message.Contains("took longer than"));
    }

    [Fact]
    public async Task CallerCancels_IsNotTakenForATimeout()
    {
        _graph.MailboxDelay = TimeSpan.FromSeconds(10);
        await using var patient = BuildServices(_graph.BaseUrl, _logs, absenceTimeout: "00:00:30");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => patient.GetRequiredService<IAbsenceCalendar>().FindAbsenceAsync(Mark, Now, cancel.Token));
    }

    [Fact]
    public void AddGraphDirectory_BeforeOrAfterTheWorkflow_RegistersTheGraphCalendarInsteadOfNoAbsences()
    {
        Assert.IsType<GraphAbsenceCalendar>(Calendar);

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging();
        services.AddSingleton<TokenCredential>(new StaticTokenCredential());
        services.AddGraphDirectory();
        services.AddRequestWorkflow();
        using var provider = services.BuildServiceProvider();

        Assert.IsType<GraphAbsenceCalendar>(Assert.Single(provider.GetServices<IAbsenceCalendar>()));
    }

    private static ServiceProvider BuildServices(string graphBaseUrl, CapturingLoggerProvider logs, string absenceTimeout)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Directory:GraphBaseUrl"] = graphBaseUrl + "/v1.0",
            ["Directory:MaxRetries"] = "2",
            ["Directory:AbsenceTimeout"] = absenceTimeout,
        }).Build());
        services.AddLogging(logging => logging.AddProvider(logs));
        services.AddSingleton<TokenCredential>(new StaticTokenCredential());
        // The workflow first, as the hosts compose it: it registers NoAbsences unless a calendar is there already.
        // (Not validated on build: the stores and the notifier the workflow needs are no part of this test.)
        services.AddRequestWorkflow();
        services.AddGraphDirectory();
        return services.BuildServiceProvider();
    }
}
