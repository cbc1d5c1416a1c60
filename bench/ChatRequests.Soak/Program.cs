namespace ChatRequests.Soak;

/// <summary>The soak on demand: runs, prints the summary, and exits 1 when an assertion of the soak failed.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        SoakOptions options;
        try
        {
            options = SoakOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            await Console.Error.WriteLineAsync(SoakOptions.Usage);
            return 2;
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        var report = await SoakRun.RunAsync(options, Console.Out, stop.Token);
        report.Print(Console.Out);
        return report.Violations.Count == 0 ? 0 : 1;
    }
}
