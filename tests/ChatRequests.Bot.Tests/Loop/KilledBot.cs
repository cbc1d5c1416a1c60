using ChatRequests.Testing;
using Microsoft.Data.Sqlite;

namespace ChatRequests.Bot.Tests.Loop;

/// <summary>
/// The bot as a child process that a crash test kills -9 and starts again on the same database and Teams stand-in,
/// remembering when each kill happened; and what the test reads back from the database file afterwards.
/// </summary>
public sealed class KilledBot(FakeTeamsConnector connector, string dataFile) : IAsyncDisposable
{
    private readonly List<DateTimeOffset> _kills = [];
    private BotProcess? _bot;

    /// <summary>When each kill was sent, oldest first.</summary>
    public IReadOnlyList<DateTimeOffset> Kills => _kills;

    public bool HasExited => _bot is null || _bot.HasExited;

    public async Task StartAsync()
    {
        _bot = new BotProcess(dataFile, connector.ServiceUrl);
        await _bot.StartAsync();
    }

    /// <summary>A Teams client of the running bot (a new one after each restart: the port changes).</summary>
    public TeamsDriver Driver() =>
        new(new HttpClient { BaseAddress = Running.BaseAddress, Timeout = TimeSpan.FromSeconds(30) }, connector);

    public async Task KillAsync()
    {
        var bot = Running;
        _kills.Add(DateTimeOffset.UtcNow);
        await bot.KillAsync();
    }

    /// <summary>Kills the bot after <paramref name="milliseconds"/>, whatever it is doing then.</summary>
    public async Task KillSoonAsync(int milliseconds)
    {
        await Task.Delay(milliseconds);
        await KillAsync();
    }

    /// <summary>Kills the bot unless it is dead already, and starts it again.</summary>
    public async Task RestartAsync()
    {
        if (!HasExited)
        {
            await KillAsync();
        }

        await _bot!.DisposeAsync();
        await StartAsync();
    }

    /// <summary>Waits until no request has a due or retried event left (at most 60 s).</summary>
    public async Task WaitForOutboxDrainedAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (Scalar("SELECT COUNT(*) FROM requests WHERE next_event_at IS NOT NULL") > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The outbox did not drain within 60 s after the last restart.");
            await Task.Delay(50);
        }
    }

    /// <summary>Every request's state, by number.</summary>
    public Dictionary<string, string> ReadStates() =>
        Read("SELECT id, state FROM requests", null, r => (r.GetString(0), r.GetString(1))).ToDictionary(x => x.Item1, x => x.Item2);

    /// <summary>How many post attempts for keys starting with <paramref name="keyPrefix"/> were interrupted and made again.</summary>
    public long ReadInterrupted(string keyPrefix) =>
        Scalar("SELECT COALESCE(SUM(interrupted), 0) FROM post_attempts WHERE substr(key, 1, length($prefix)) = $prefix", keyPrefix);

    /// <summary>The activity ids the message ledger holds for keys starting with <paramref name="keyPrefix"/>.</summary>
    public IReadOnlyList<string> ReadRecordedActivities(string keyPrefix) =>
        Read("SELECT activity_id FROM posted_messages WHERE substr(key, 1, length($prefix)) = $prefix", keyPrefix, r => r.GetString(0));

    public async ValueTask DisposeAsync()
    {
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }
    }

    private BotProcess Running => _bot ?? throw new InvalidOperationException("The bot has not been started.");

    private long Scalar(string sql, string? prefix = null) => Read(sql, prefix, r => r.GetInt64(0)).Single();

    private List<T> Read<T>(string sql, string? prefix, Func<SqliteDataReader, T> row)
    {
        using var connection = new SqliteConnection($"Data Source={dataFile};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (prefix is not null)
        {
            command.Parameters.AddWithValue("$prefix", prefix);
        }

        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(row(reader));
        }

        return rows;
    }
}
