namespace ChatRequests.PortContracts.Storage;

// The marks whole-store work keeps beside the requests (the retention settings every request was brought to).
public abstract partial class RequestStoreContract
{
    [Fact]
    public async Task Marks_NeverSetIsNull_LastWriteWins_AndOutlivesARestart()
    {
        Assert.Null(await Store.GetMarkAsync("retention-adopted"));

        await Store.SetMarkAsync("retention-adopted", """{"AnonymiseClosedAfterDays":30}""");
        await Store.SetMarkAsync("retention-adopted", """{"AnonymiseClosedAfterDays":10}""");
        await Store.SetMarkAsync("other", "x");

        var reopened = ReopenStore();
        Assert.Equal("""{"AnonymiseClosedAfterDays":10}""", await reopened.GetMarkAsync("retention-adopted"));
        Assert.Equal("x", await reopened.GetMarkAsync("other"));
        // A mark is no request: scans and queries never see it.
        Assert.Empty(await reopened.ScanAsync().ToListAsync());
    }
}
