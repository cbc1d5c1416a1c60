using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using ChatRequests.PortContracts.Storage;

namespace ChatRequests.Bot.Tests.Fakes;

/// <summary>
/// The real store, counting the requests it loads by id for the code that runs inside <see cref="Count"/> (the flow of
/// one turn, not the background relay, which runs on its own).
/// </summary>
public sealed class RequestLoadCounter(IRequestStore inner) : ForwardingRequestStore(inner)
{
    private static readonly AsyncLocal<Loads?> Current = new();

    /// <summary>Counts the loads made by what runs, and awaits, in this flow until the result is disposed.</summary>
    public static Loads Count() => Current.Value = new Loads();

    public override Task<ServiceRequest?> GetAsync(string requestId, CancellationToken cancellationToken = default)
    {
        Current.Value?.Add(requestId);
        return base.GetAsync(requestId, cancellationToken);
    }

    /// <summary>The ids loaded, in order.</summary>
    public sealed class Loads : IDisposable
    {
        private readonly List<string> _ids = [];

        public IReadOnlyList<string> Ids
        {
            get
            {
                lock (_ids)
                {
                    return [.. _ids];
                }
            }
        }

        public void Add(string requestId)
        {
            lock (_ids)
            {
                _ids.Add(requestId);
            }
        }

        public void Dispose() => Current.Value = null;
    }
}
