using Microsoft.Extensions.Logging;

namespace ChatRequests.Azure.Tests.Storage;

/// <summary>Keeps what is logged, to check the level and the structured values.</summary>
public sealed class ListLogger<T> : ILogger<T>
{
    private readonly List<(LogLevel Level, IReadOnlyDictionary<string, object?> Values)> _entries = [];

    public IReadOnlyList<(LogLevel Level, IReadOnlyDictionary<string, object?> Values)> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? pairs.ToDictionary(p => p.Key, p => p.Value)
            : new Dictionary<string, object?>();
        lock (_entries)
        {
            _entries.Add((logLevel, values));
        }
    }
}
