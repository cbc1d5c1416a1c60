using System.Globalization;

namespace ChatRequests.Soak;

/// <summary>
/// The bot's log during a soak (every process it ran, one line each, with the time the bot wrote it), and the soak's own
/// marks between (kills, store faults), so that a repeat or a refusal in the report can be traced to what the bot did.
/// Written to a file when asked for (<c>--bot-log</c>); otherwise the bot's output is dropped.
/// </summary>
public sealed class BotLog : IDisposable
{
    private readonly StreamWriter? _file;
    private readonly object _gate = new();

    public BotLog(string? path)
    {
        _file = path is null ? null : new StreamWriter(path, append: false) { AutoFlush = true };
    }

    /// <summary>
    /// The bot's logging as the log wants it: one line a message, stamped in UTC to the millisecond (the fault times of the
    /// report are UTC); information and above from the product's own code, so a store error and its retry both show.
    /// </summary>
    public IReadOnlyList<string> BotArguments => _file is null ? [] :
    [
        "--Logging:LogLevel:ChatRequests=Information",
        "--Logging:Console:FormatterName=simple",
        "--Logging:Console:FormatterOptions:SingleLine=true",
        "--Logging:Console:FormatterOptions:UseUtcTimestamp=true",
        "--Logging:Console:FormatterOptions:TimestampFormat=HH:mm:ss.fff ",
    ];

    /// <summary>What one bot process writes, marked with its run (0 for the first process, 1 after the first kill, ...).</summary>
    public Action<string>? OutputOf(int run) => _file is null ? null : line => Write($"[{run}] {line}");

    /// <summary>Something the soak did to the bot (a kill, a fault), stamped like the bot's lines.</summary>
    public void Mark(string what) =>
        Write($"{DateTimeOffset.UtcNow.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)} soak: {what}");

    public void Dispose()
    {
        lock (_gate)
        {
            _file?.Dispose();
        }
    }

    private void Write(string line)
    {
        if (_file is null)
        {
            return;
        }

        lock (_gate)
        {
            _file.WriteLine(line);
        }
    }
}
