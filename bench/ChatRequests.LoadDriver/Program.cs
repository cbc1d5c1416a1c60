namespace ChatRequests.LoadDriver;

/// <summary>
/// Two modes of one executable: the load driver (default), and with --echo-bot the bare baseline bot it starts
/// as a child process, so both bots run on the same runtime, host and connector client stack.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Contains(EchoBot.ModeSwitch))
        {
            return await EchoBot.RunAsync(args);
        }

        DriverOptions options;
        try
        {
            options = DriverOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            await Console.Error.WriteLineAsync(DriverOptions.Usage);
            return 2;
        }

        return await LoadRun.RunAsync(options);
    }
}
