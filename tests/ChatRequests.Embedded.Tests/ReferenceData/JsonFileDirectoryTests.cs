using ChatRequests.Core.Organisation;
using ChatRequests.ReferenceData;
using static ChatRequests.Embedded.Tests.ReferenceData.ReferenceFiles;

namespace ChatRequests.Embedded.Tests.ReferenceData;

/// <summary>How the file is checked when loaded; what the directory answers is the port's contract (<see cref="JsonFileDirectoryContractTests"/>).</summary>
public sealed class JsonFileDirectoryTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Load_DuplicatePersonId_FailsNamingTheFileAndTheId()
    {
        var path = Write("""{ "people": [ { "id": "p1", "name": "One" }, { "id": "p1", "name": "Also one" } ] }""");

        Assert.Equal([$"{path}: Person id 'p1' is used 2 times."], LoadFails(path));
    }

    [Fact]
    public void Load_TeamWithoutChannelId_Fails()
    {
        var path = Write("""{ "teams": [ { "id": "t1", "name": "Team", "channelId": "" } ] }""");

        Assert.Equal([$"{path}: team 't1' has no channelId, so its request cards would have nowhere to go."], LoadFails(path));
    }

    [Fact]
    public void Load_ManagerWhoIsNotInTheFile_Fails()
    {
        var path = Write("""{ "people": [ { "id": "p1", "name": "One", "managerId": "p9" } ] }""");

        Assert.Equal([$"{path}: person 'p1' has managerId 'p9', which is not a person in the file."], LoadFails(path));
    }

    [Fact]
    public void Load_TeamAndGroupMembersWhoAreNotInTheFile_Fail()
    {
        var path = Write("""
            {
              "people": [ { "id": "p1", "name": "One" } ],
              "teams": [ { "id": "t1", "name": "Team", "channelId": "19:t1", "memberIds": ["p1", "p2"], "leadId": "p3" } ],
              "approverGroups": [ { "id": "g1", "name": "Group", "memberIds": ["p4"] } ]
            }
            """);

        Assert.Equal(
        [
            $"{path}: team 't1' has leadId 'p3', which is not a person in the file.",
            $"{path}: team 't1' has member 'p2', who is not a person in the file.",
            $"{path}: approver group 'g1' has member 'p4', who is not a person in the file.",
        ], LoadFails(path));
    }

    [Fact]
    public void Load_CategoryOwnedByTwoTeams_Fails()
    {
        var path = Write("""
            { "teams": [
                { "id": "t1", "name": "One", "channelId": "19:t1", "categories": ["Hardware"] },
                { "id": "t2", "name": "Two", "channelId": "19:t2", "categories": ["hardware"] }
            ] }
            """);

        Assert.Contains("category 'Hardware' is owned by more than one team (t1, t2)", Assert.Single(LoadFails(path)));
    }

    [Fact]
    public void Load_SeveralProblems_ListsThemAllInOneException()
    {
        var path = Write("""
            {
              "people": [ { "id": "p1", "name": "One", "managerId": "p9" }, { "id": "p1", "name": "Two" } ],
              "teams": [ { "id": "t1", "name": "Team", "channelId": " " } ],
              "approverGroups": [ { "id": "g1", "name": "Empty" } ]
            }
            """);

        var exception = Assert.Throws<ReferenceDataException>(() => LoadDirectory(path));

        Assert.Equal(4, exception.Problems.Count);
        Assert.StartsWith("The reference data has 4 problems", exception.Message);
        Assert.All(exception.Problems, p => Assert.Contains(p, exception.Message));
    }

    [Fact]
    public void Load_NullList_FailsInsteadOfLoadingNothing()
    {
        var path = Write("""{ "people": null }""");

        Assert.Contains("$.people", Assert.Single(LoadFails(path)));
    }

    [Fact]
    public void Load_CalendarMistakes_AreListedLikeTheOtherProblems()
    {
        var path = Write("""
            {
              "calendar": { "timeZone": "Mars/Olympus", "workingDays": ["Mon"], "hours": "08:00-18:00" },
              "teams": [ { "id": "t1", "name": "Team", "channelId": "19:t1", "calendar": {
                "timeZone": "Europe/Paris", "workingDays": ["Mon", "Funday", "mon"], "hours": "18:00-08:00",
                "holidays": ["2026-12-25", "25/12/2026", "2026-12-25"] } } ]
            }
            """);

        Assert.Equal(
        [
            $"{path}: team 't1' has a calendar whose workingDays has 'Funday', which is not a day (use Mon, Tue, Wed, Thu, Fri, Sat, Sun).",
            $"{path}: team 't1' has a calendar whose workingDays lists Monday more than once.",
            $"{path}: team 't1' has a calendar whose hours '18:00-08:00' is not an opening and a later closing time like 08:00-18:00 (closing may be 24:00).",
            $"{path}: team 't1' has a calendar whose holiday '25/12/2026' is not a date like 2026-12-25.",
            $"{path}: team 't1' has a calendar whose holiday 2026-12-25 is listed more than once.",
            $"{path}: the organisation has a calendar whose timeZone 'Mars/Olympus' is not a known time zone (use an IANA id like Europe/Paris or a Windows id).",
        ], LoadFails(path));
    }

    [Fact]
    public void Load_EmptyWorkingDays_Fails()
    {
        var path = Write("""{ "calendar": { "timeZone": "UTC", "workingDays": [], "hours": "00:00-24:00" } }""");

        Assert.Equal([$"{path}: the organisation has a calendar whose workingDays is empty; list the days the team works, like [\"Mon\", \"Tue\"]."], LoadFails(path));
    }

    [Fact]
    public async Task Load_TeamCalendars_OwnOrganisationDefaultOrNoneAlwaysOpen()
    {
        var path = Write("""
            {
              "calendar": { "timeZone": "W. Europe Standard Time", "workingDays": ["Mon", "Tue", "Wed", "Thu", "Fri"], "hours": "08:00-18:00" },
              "teams": [
                { "id": "own", "name": "Own", "channelId": "19:own", "calendar": {
                  "timeZone": "America/New_York", "workingDays": ["Sat"], "hours": "09:00-17:00", "holidays": ["2026-12-26"] } },
                { "id": "default", "name": "Default", "channelId": "19:default" }
              ]
            }
            """);

        var teams = (await LoadDirectory(path).ListTeamsAsync()).ToDictionary(t => t.Id, t => t.WorkingCalendar());

        Assert.Equal([DayOfWeek.Saturday], teams["own"].Days);
        Assert.Equal([new DateOnly(2026, 12, 26)], teams["own"].Holidays);
        Assert.Equal((TimeSpan.FromHours(9), TimeSpan.FromHours(17)), (teams["own"].Opens, teams["own"].Closes));
        Assert.Equal(5, teams["default"].Days.Count);
        Assert.Equal(TimeSpan.FromHours(1), teams["default"].Zone.GetUtcOffset(new DateTime(2026, 1, 5, 12, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public async Task Load_TeamAssignment_IsRead_AndAbsentIsManual()
    {
        var path = Write("""
            {
              "teams": [
                { "id": "rr", "name": "Round", "channelId": "19:rr", "assignment": { "mode": "roundRobin", "reannounceAfterHours": 4 } },
                { "id": "ll", "name": "Least", "channelId": "19:ll", "assignment": { "mode": "LEASTLOADED" } },
                { "id": "none", "name": "None", "channelId": "19:none" }
              ]
            }
            """);

        var teams = (await LoadDirectory(path).ListTeamsAsync()).ToDictionary(t => t.Id);

        Assert.Equal((AssignmentMode.RoundRobin, TimeSpan.FromHours(4)), (teams["rr"].Assignment!.ParsedMode, teams["rr"].Assignment!.ReannouncePeriod));
        Assert.Equal((AssignmentMode.LeastLoaded, (TimeSpan?)null), (teams["ll"].Assignment!.ParsedMode, teams["ll"].Assignment!.ReannouncePeriod));
        Assert.Null(teams["none"].Assignment);
    }

    [Fact]
    public void Load_AssignmentMistakes_AreListedLikeTheOtherProblems()
    {
        var path = Write("""
            { "teams": [ { "id": "t1", "name": "Team", "channelId": "19:t1", "assignment": { "mode": "random", "reannounceAfterHours": 0 } } ] }
            """);

        Assert.Equal(
        [
            $"{path}: team 't1' has an assignment whose mode 'random' is not one of manual, roundRobin, leastLoaded.",
            $"{path}: team 't1' has an assignment whose reannounceAfterHours 0 is not a number of hours above 0 and at most 720.",
        ], LoadFails(path));
    }

    [Fact]
    public void Load_AssignmentWithAnUnknownSetting_Fails()
    {
        var path = Write("""
            { "teams": [ { "id": "t1", "name": "Team", "channelId": "19:t1", "assignment": { "mode": "manual", "reannounceAfter": 4 } } ] }
            """);

        Assert.Contains("reannounceAfter", Assert.Single(LoadFails(path)));
    }

    [Fact]
    public async Task Load_NoCalendarAnywhere_TeamsAreAlwaysOpen()
    {
        var teams = await LoadDirectory(GoodOrganisation).ListTeamsAsync();

        Assert.All(teams, t => Assert.True(t.WorkingCalendar().IsAlwaysOpen));
    }

    [Fact]
    public void Load_QualityCheckAndClosureMistakes_AreListedLikeTheOtherProblems()
    {
        var path = Write("""
            {
              "closure": { "autoCloseAfterWorkingDays": 0, "reopenWithinDays": -1 },
              "teams": [
                { "id": "t1", "name": "Team", "channelId": "19:t1", "qualityCheck": "some" },
                { "id": "t2", "name": "Team", "channelId": "19:t2", "qualityCheck": "AllItems", "closure": { "reminderAfterWorkingDays": 5 } }
              ]
            }
            """);

        Assert.Equal(
        [
            $"{path}: team 't1' has qualityCheck 'some', which is not one of \"flaggedItems\", \"allItems\", \"off\".",
            $"{path}: team 't2' has qualityCheck 'AllItems', which is not one of \"flaggedItems\", \"allItems\", \"off\".",
            $"{path}: team 't2' has closure settings whose reminderAfterWorkingDays is 5; the reminder comes at least a working day after resolution and before the automatic closing (after 5 working days).",
            $"{path}: the organisation has closure settings whose autoCloseAfterWorkingDays is 0; use 1 to 90 working days.",
            $"{path}: the organisation has closure settings whose reminderAfterWorkingDays is 3; the reminder comes at least a working day after resolution and before the automatic closing (after 0 working days).",
            $"{path}: the organisation has closure settings whose reopenWithinDays is -1; use 0 (no reopening once closed) to 360 days.",
        ], LoadFails(path));
    }

    [Fact]
    public async Task Load_TeamClosure_OwnOrganisationDefaultsOrNone_AndQualityCheckScopes()
    {
        var path = Write("""
            {
              "closure": { "reopenWithinDays": 30 },
              "teams": [
                { "id": "own", "name": "Own", "channelId": "19:own", "qualityCheck": "allItems", "closure": { "autoCloseAfterWorkingDays": 10, "reminderAfterWorkingDays": 7 } },
                { "id": "default", "name": "Default", "channelId": "19:default", "qualityCheck": "off" },
                { "id": "plain", "name": "Plain", "channelId": "19:plain", "qualityCheck": "flaggedItems" }
              ]
            }
            """);

        var teams = (await LoadDirectory(path).ListTeamsAsync()).ToDictionary(t => t.Id);
        var none = (await LoadDirectory(GoodOrganisation).ListTeamsAsync()).First();

        Assert.Equal((10, 7, 14), (teams["own"].Closure!.AutoCloseDays, teams["own"].Closure!.ReminderDays, teams["own"].Closure!.ReopenDays));
        Assert.Equal((5, 3, 30), (teams["default"].Closure!.AutoCloseDays, teams["default"].Closure!.ReminderDays, teams["default"].Closure!.ReopenDays));
        Assert.Null(none.Closure);
        Assert.Equal((true, true), (teams["own"].ChecksQualityOf(false), teams["own"].ChecksQualityOf(true)));
        Assert.Equal((false, false), (teams["default"].ChecksQualityOf(false), teams["default"].ChecksQualityOf(true)));
        Assert.Equal((false, true), (teams["plain"].ChecksQualityOf(false), teams["plain"].ChecksQualityOf(true)));
        Assert.Equal((false, true), (none.ChecksQualityOf(false), none.ChecksQualityOf(true)));
    }

    [Fact]
    public void Load_ReceiptFollowUpsAndReviewReminderOutOfRange_FailNamingEach()
    {
        var path = Write("""
            {
              "closure": { "receiptReminderAfterWorkingDays": 0 },
              "teams": [
                { "id": "t1", "name": "Team", "channelId": "19:t1", "qualityCheckReminderAfterHours": 0 },
                { "id": "t2", "name": "Team", "channelId": "19:t2", "closure": { "receiptReminderAfterWorkingDays": 4, "receiptAlertAfterWorkingDays": 3 } }
              ]
            }
            """);

        Assert.Equal(
        [
            $"{path}: team 't1' has qualityCheckReminderAfterHours 0; use 1 to 200 working hours (or leave it out: nobody is reminded).",
            $"{path}: team 't2' has closure settings whose receiptAlertAfterWorkingDays is 3; use 1 to 90 working days, after the reminder to the requester.",
            $"{path}: the organisation has closure settings whose receiptReminderAfterWorkingDays is 0; use 1 to 90 working days.",
        ], LoadFails(path));
    }

    [Fact]
    public async Task Load_ReceiptFollowUpsAndReviewReminder_AreReadAndAbsentMeansNone()
    {
        var path = Write("""
            {
              "closure": { "receiptReminderAfterWorkingDays": 2, "receiptAlertAfterWorkingDays": 4 },
              "teams": [ { "id": "t1", "name": "Team", "channelId": "19:t1", "qualityCheckReminderAfterHours": 8 } ]
            }
            """);

        var team = (await LoadDirectory(path).ListTeamsAsync()).Single();
        var plain = (await LoadDirectory(GoodOrganisation).ListTeamsAsync()).First();

        Assert.Equal((2, 4, 8), (team.Closure!.ReceiptReminderAfterWorkingDays, team.Closure.ReceiptAlertAfterWorkingDays, team.QualityCheckReminderAfterHours));
        Assert.Null(plain.QualityCheckReminderAfterHours);
    }

    private string Write(string json) => _folder.Write("organisation.json", json);

    private static IReadOnlyList<string> LoadFails(string path) =>
        Assert.Throws<ReferenceDataException>(() => LoadDirectory(path)).Problems;
}
